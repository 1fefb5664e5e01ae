import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createStagePlan } from '../../app/plans/create-stage-plan.ts';
import { deleteStagePlan } from '../../app/plans/delete-stage-plan.ts';
import { restoreStagePlan } from '../../app/plans/restore-stage-plan.ts';
import { showPlanVersusActual } from '../../app/plans/show-plan-versus-actual.ts';
import { updateStagePlan } from '../../app/plans/update-stage-plan.ts';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import { StagePlan, StagePlanInput } from '../../domain/plans/schemas.ts';
import { PlanMonth, PlanVersusActualView } from '../../domain/plans/views.ts';
import { z } from 'zod';
import { Versioned } from '../../domain/support/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams, recordLifecycleRoutes } from '../records.ts';

/** Support plans by stage: goals, planned emphasis and planned activities of each stage of an engagement. */
export async function planRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/engagements/:id/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'The live stage plans of an engagement',
        params: RecordParams,
        response: { 200: ListOf(StagePlan), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      const tenant = store.tenant(access.organizationId);
      if (!(await tenant.engagements.find(request.params.id))) throw notFound('Engagement');
      return { items: await tenant.stagePlans.list({ engagementIds: [request.params.id] }) };
    },
  );
  r.get(
    '/api/orgs/:orgId/engagements/:id/plan-vs-actual',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Plan versus actual: per calendar month, planned and logged minutes per component, and planned activities done, due and overdue',
        params: RecordParams,
        querystring: z.strictObject({ from: PlanMonth.optional(), to: PlanMonth.optional() }),
        response: { 200: PlanVersusActualView, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return showPlanVersusActual(
        store.tenant(access.organizationId),
        request.params.id,
        new Date().toISOString().slice(0, 10),
        request.query,
      );
    },
  );
  r.post(
    '/api/orgs/:orgId/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Plan a stage of an engagement (one live plan per stage)',
        params: OrgParams,
        body: StagePlanInput,
        response: { 201: StagePlan, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply.status(201).send(await createStagePlan(store, access.organizationId, request.body, access.actor));
    },
  );
  r.put(
    '/api/orgs/:orgId/plans/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Update a stage plan (send the version you edited; a stale one gets 409)',
        params: RecordParams,
        body: StagePlanInput.extend(Versioned.shape),
        response: { 200: StagePlan, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      const { version, ...input } = request.body;
      return updateStagePlan(store, access.organizationId, request.params.id, version, input, access.actor);
    },
  );
  recordLifecycleRoutes(app, store, {
    path: 'plans',
    entity: 'stage_plan',
    tag: 'plans',
    label: 'stage plan',
    schema: StagePlan,
    find: (tenant, id) => tenant.stagePlans.find(id, { includeDeleted: true }),
    remove: deleteStagePlan,
    restore: restoreStagePlan,
    view: 'records.view',
    edit: 'records.edit',
  });
}
