import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { Engagement, EngagementInput, Id, StageChange, Versioned } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams, recordLifecycleRoutes } from '../records.ts';
import { EngagementOverview, OrganizationDashboard } from '../../domain/support/views.ts';
import { engagementOverview, organizationDashboard } from '../../app/engagements/overview.ts';
import { changeStage } from '../../app/engagements/change-stage.ts';
import { createEngagement } from '../../app/engagements/create-engagement.ts';
import { deleteEngagement } from '../../app/engagements/delete-engagement.ts';
import { restoreEngagement } from '../../app/engagements/restore-engagement.ts';
import { updateEngagement } from '../../app/engagements/update-engagement.ts';

const ListQuery = z.strictObject({
  partnerId: Id.optional(),
  includeDeleted: z.enum(['true', 'false']).default('false'),
});

/** Engagements: support relationships with a partner, their stages and goals. */
export async function engagementRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/engagements',
    {
      schema: {
        tags: ['engagements'],
        summary: 'List engagements',
        params: OrgParams,
        querystring: ListQuery,
        response: { 200: ListOf(Engagement), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return {
        items: await store.tenant(access.organizationId).engagements.list({
          partnerId: request.query.partnerId,
          includeDeleted: request.query.includeDeleted === 'true',
        }),
      };
    },
  );
  r.post(
    '/api/orgs/:orgId/engagements',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Create an engagement',
        params: OrgParams,
        body: EngagementInput,
        response: { 201: Engagement, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply.status(201).send(await createEngagement(store, access.organizationId, request.body, access.actor));
    },
  );
  r.put(
    '/api/orgs/:orgId/engagements/:id',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Update an engagement (send the version you edited)',
        params: RecordParams,
        body: EngagementInput.extend(Versioned.shape),
        response: { 200: Engagement, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, ...input } = request.body;
      return updateEngagement(store, access.organizationId, request.params.id, version, input, access.actor);
    },
  );
  r.post(
    '/api/orgs/:orgId/engagements/:id/stages',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Move the engagement to a stage from a date',
        params: RecordParams,
        body: StageChange.extend(Versioned.shape),
        response: { 200: Engagement, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, ...stage } = request.body;
      return changeStage(store, access.organizationId, request.params.id, version, stage, access.actor);
    },
  );
  r.get(
    '/api/orgs/:orgId/engagements/:id/overview',
    {
      schema: {
        tags: ['engagements'],
        summary:
          'The engagement page: dose by month of relationship, this month against the usual, component mix, open next steps, principles',
        params: RecordParams,
        response: { 200: EngagementOverview, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return engagementOverview(
        store.tenant(access.organizationId),
        request.params.id,
        new Date().toISOString().slice(0, 10),
      );
    },
  );
  r.get(
    '/api/orgs/:orgId/dashboard',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Organization dashboard figures, from the monthly rollups',
        params: OrgParams,
        response: { 200: OrganizationDashboard, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return organizationDashboard(store.tenant(access.organizationId), new Date().toISOString().slice(0, 10));
    },
  );
  recordLifecycleRoutes(app, store, {
    path: 'engagements',
    entity: 'engagement',
    tag: 'engagements',
    label: 'engagement',
    schema: Engagement,
    find: (tenant, id) => tenant.engagements.find(id, { includeDeleted: true }),
    remove: deleteEngagement,
    restore: restoreEngagement,
    view: 'records.view',
    edit: 'records.edit',
  });
}
