import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Action } from '../domain/accounts/policy.ts';
import { notFound as notFoundOf } from '../domain/errors.ts';
import { HistoryEntry } from '../domain/history.ts';
import type { Store, TenantStore } from '../store/store.ts';
import { requireAccess } from './auth/principal.ts';
import { errorResponses } from './openapi.ts';
import { OrgParams } from './organizations/routes.ts';

/** Shared shapes and routes of versioned records: read one, history, soft delete and restore. */

export const RecordParams = OrgParams.extend({ id: z.string().min(1).max(64) });
export const DeleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

interface RecordKind<T> {
  /** URL segment, e.g. `partners`. */
  path: string;
  /** Entity name in the history, e.g. `partner`. */
  entity: string;
  tag: string;
  label: string;
  schema: z.ZodType<T>;
  find: (tenant: TenantStore, id: string) => Promise<T | undefined>;
  remove: (store: Store, organizationId: string, id: string, version: number | undefined, actor: string) => Promise<T>;
  restore: (store: Store, organizationId: string, id: string, actor: string) => Promise<T>;
  view: Action;
  edit: Action;
}

/** Registers GET /:id (deleted ones too), GET /:id/history, DELETE /:id and POST /:id/restore for a record kind. */
export function recordLifecycleRoutes<T>(app: FastifyInstance, store: Store, kind: RecordKind<T>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = `/api/orgs/:orgId/${kind.path}/:id`;
  // Typed as unknown here: the schema still validates and documents each response.
  const recordSchema = kind.schema as z.ZodType<unknown>;
  r.get(
    base,
    {
      schema: {
        tags: [kind.tag],
        summary: `One ${kind.label} (deleted ones included, with deletedAt set)`,
        params: RecordParams,
        response: { 200: recordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, kind.view);
      const record = await kind.find(store.tenant(access.organizationId), request.params.id);
      if (!record) throw notFoundOf(kind.label);
      return record;
    },
  );
  r.get(
    `${base}/history`,
    {
      schema: {
        tags: [kind.tag],
        summary: `Every version of a ${kind.label}: who, when, what changed`,
        params: RecordParams,
        response: { 200: z.object({ items: z.array(HistoryEntry) }), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, kind.view);
      const tenant = store.tenant(access.organizationId);
      if (!(await kind.find(tenant, request.params.id))) throw notFoundOf(kind.label);
      return { items: await tenant.history(kind.entity, request.params.id) };
    },
  );
  r.delete(
    base,
    {
      schema: {
        tags: [kind.tag],
        summary: `Delete a ${kind.label} (soft: it can be restored); ?version= guards against stale deletes`,
        params: RecordParams,
        querystring: DeleteQuery,
        response: { 200: recordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, kind.edit);
      return await kind.remove(store, access.organizationId, request.params.id, request.query.version, access.actor);
    },
  );
  r.post(
    `${base}/restore`,
    {
      schema: {
        tags: [kind.tag],
        summary: `Restore a deleted ${kind.label}`,
        params: RecordParams,
        response: { 200: recordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, kind.edit);
      return await kind.restore(store, access.organizationId, request.params.id, access.actor);
    },
  );
}
