import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, Interaction, InteractionInput, IsoDate, Versioned } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams, recordLifecycleRoutes } from '../records.ts';
import { deleteInteraction } from '../../app/interactions/delete-interaction.ts';
import { logInteraction } from '../../app/interactions/log-interaction.ts';
import { restoreInteraction } from '../../app/interactions/restore-interaction.ts';
import { updateInteraction } from '../../app/interactions/update-interaction.ts';

const ListQuery = z.strictObject({
  engagementId: Id.optional(),
  partnerId: Id.optional(),
  loggedBy: Id.optional().describe('user id of the practitioner who logged it'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  componentId: Id.optional(),
  stageId: Id.optional(),
  includeDeleted: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

const InteractionPage = z.object({ items: z.array(Interaction), nextCursor: z.string().nullable() });

/** Support interactions: log, list with filters and cursor pagination, edit with version checks, delete and restore. */
export async function interactionRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/interactions',
    {
      schema: {
        tags: ['interactions'],
        summary: 'List interactions, newest first',
        params: OrgParams,
        querystring: ListQuery,
        response: { 200: InteractionPage, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const { limit, cursor, includeDeleted, ...filter } = request.query;
      return store
        .tenant(access.organizationId)
        .interactions.list({ ...filter, includeDeleted: includeDeleted === 'true' }, limit, cursor);
    },
  );
  r.post(
    '/api/orgs/:orgId/interactions',
    {
      schema: {
        tags: ['interactions'],
        summary: 'Log an interaction (validated against the engagement’s model version)',
        params: OrgParams,
        body: InteractionInput,
        response: { 201: Interaction, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply.status(201).send(await logInteraction(store, access.organizationId, request.body, access.actor));
    },
  );
  r.put(
    '/api/orgs/:orgId/interactions/:id',
    {
      schema: {
        tags: ['interactions'],
        summary: 'Edit an interaction (send the version you edited; a stale one gets 409)',
        params: RecordParams,
        body: InteractionInput.extend(Versioned.shape),
        response: { 200: Interaction, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, ...input } = request.body;
      return updateInteraction(store, access.organizationId, request.params.id, version, input, access.actor);
    },
  );
  recordLifecycleRoutes(app, store, {
    path: 'interactions',
    entity: 'interaction',
    tag: 'interactions',
    label: 'interaction',
    schema: Interaction,
    find: (tenant, id) => tenant.interactions.find(id, { includeDeleted: true }),
    remove: deleteInteraction,
    restore: restoreInteraction,
    view: 'records.view',
    edit: 'records.edit',
  });
}
