import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import { ImportMapping, SavedImportMapping } from '../../domain/support/import-mapping.ts';
import { Versioned } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { createImportMapping } from '../../app/interactions/create-import-mapping.ts';
import { deleteImportMapping } from '../../app/interactions/delete-import-mapping.ts';
import { restoreImportMapping } from '../../app/interactions/restore-import-mapping.ts';
import { updateImportMapping } from '../../app/interactions/update-import-mapping.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams, recordLifecycleRoutes } from '../records.ts';

/**
 * Saved import mappings of an organization (docs/import-mapping.md): listed, created from a mapping
 * document (which is how one is imported as JSON), replaced with the version edited (409 when stale),
 * exported as the document, deleted and restored, each change kept in the history. Whoever may import
 * interactions (`records.edit`) may see and change them.
 */
export async function importMappingRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Access is checked before the body: whoever may not import learns nothing from how a mapping is judged. */
  const accessFirst = async (request: FastifyRequest) => {
    await requireAccess(request, store, (request.params as { orgId: string }).orgId, 'records.edit');
  };

  r.get(
    '/api/orgs/:orgId/import-mappings',
    {
      schema: {
        tags: ['interactions'],
        summary: 'The saved import mappings of the organization, by name',
        params: OrgParams,
        response: { 200: ListOf(SavedImportMapping), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return { items: await store.tenant(access.organizationId).importMappings.list() };
    },
  );
  r.post(
    '/api/orgs/:orgId/import-mappings',
    {
      preValidation: accessFirst,
      schema: {
        tags: ['interactions'],
        summary: 'Save an import mapping: the body is the mapping document (as exported)',
        params: OrgParams,
        body: ImportMapping,
        response: { 201: SavedImportMapping, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply
        .status(201)
        .send(await createImportMapping(store, access.organizationId, request.body, access.actor));
    },
  );
  r.put(
    '/api/orgs/:orgId/import-mappings/:id',
    {
      preValidation: accessFirst,
      schema: {
        tags: ['interactions'],
        summary: 'Replace a saved import mapping (send the version you edited; a stale one gets 409)',
        params: RecordParams,
        body: z.strictObject({ version: Versioned.shape.version, mapping: ImportMapping }),
        response: { 200: SavedImportMapping, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, mapping } = request.body;
      return updateImportMapping(store, access.organizationId, request.params.id, version, mapping, access.actor);
    },
  );
  r.get(
    '/api/orgs/:orgId/import-mappings/:id/export',
    {
      schema: {
        tags: ['interactions'],
        summary: 'A saved import mapping as its JSON document, to keep or to import elsewhere',
        params: RecordParams,
        response: { 200: ImportMapping, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const saved = await store.tenant(access.organizationId).importMappings.find(request.params.id);
      if (!saved) throw notFound('Import mapping');
      const file = `${saved.name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '') || 'mapping'}.mapping.json`;
      return reply.header('content-disposition', `attachment; filename="${file}"`).send(saved.mapping);
    },
  );
  recordLifecycleRoutes(app, store, {
    path: 'import-mappings',
    entity: 'import_mapping',
    tag: 'interactions',
    label: 'import mapping',
    schema: SavedImportMapping,
    find: (tenant, id) => tenant.importMappings.find(id, { includeDeleted: true }),
    remove: deleteImportMapping,
    restore: restoreImportMapping,
    view: 'records.edit',
    edit: 'records.edit',
  });
}
