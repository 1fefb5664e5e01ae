import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { HistoryEntry } from '../../domain/history.ts';
import { HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import {
  Hypothesis,
  HypothesisLock,
  HypothesisRun,
  HypothesisUpdate,
  HypothesisWithdrawal,
  ModelEvidence,
} from '../../domain/hypotheses/schemas.ts';
import { formatModelRef } from '../../model/versions.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams } from '../records.ts';
import { listHypotheses } from '../../app/hypotheses/list-hypotheses.ts';
import { listRuns } from '../../app/hypotheses/list-runs.ts';
import { lockHypothesis } from '../../app/hypotheses/lock-hypothesis.ts';
import { registerHypothesis } from '../../app/hypotheses/register-hypothesis.ts';
import { showHypothesis } from '../../app/hypotheses/show-hypothesis.ts';
import { updateHypothesis } from '../../app/hypotheses/update-hypothesis.ts';
import { withdrawHypothesis } from '../../app/hypotheses/withdraw-hypothesis.ts';

const ListQuery = z.strictObject({ modelId: z.string().min(1).max(100).optional() });
const ModelParams = OrgParams.extend({ modelId: z.string().min(1).max(100) });
const VersionQuery = z.strictObject({ version: z.string().max(100).optional() });

/** Hypotheses about the model's links: registered, locked, run on demand, withdrawn; evidence per link. */
export async function hypothesisRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hypotheses'];
  const base = '/api/orgs/:orgId/hypotheses';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Hypotheses of the organization, newest first, each with its latest run (?modelId= for one model)',
        params: OrgParams,
        querystring: ListQuery,
        response: { 200: ListOf(Hypothesis), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.view');
      return { items: await listHypotheses(store.tenant(access.organizationId), request.query) };
    },
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Register a hypothesis as a draft, checked against its model (link, components, outcome, level, test, covariates)',
        description: 'See docs/hypotheses.md. A draft can be edited until it is locked.',
        params: OrgParams,
        body: HypothesisRegistration,
        response: { 201: Hypothesis, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.manage');
      return reply.status(201).send(await registerHypothesis(store, access.organizationId, request.body, access.actor));
    },
  );

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One hypothesis, with its lock time and content hash once locked',
        params: RecordParams,
        response: { 200: Hypothesis, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.view');
      return showHypothesis(store.tenant(access.organizationId), request.params.id);
    },
  );

  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a draft registration (409 once locked, or when the version is stale)',
        params: RecordParams,
        body: HypothesisUpdate,
        response: { 200: Hypothesis, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.manage');
      return updateHypothesis(
        store,
        access.organizationId,
        request.params.id,
        request.body.version,
        request.body.registration,
        access.actor,
      );
    },
  );

  r.post(
    `${base}/:id/lock`,
    {
      schema: {
        tags,
        summary:
          'Lock a draft: record the lock time and the SHA-256 of its RFC 8785 canonical JSON; it can never be edited again',
        params: RecordParams,
        body: HypothesisLock,
        response: { 200: Hypothesis, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.manage');
      return lockHypothesis(store, access.organizationId, request.params.id, request.body.version, access.actor);
    },
  );

  r.post(
    `${base}/:id/withdraw`,
    {
      schema: {
        tags,
        summary: 'Withdraw a hypothesis with a reason; its history and runs are kept',
        params: RecordParams,
        body: HypothesisWithdrawal,
        response: { 200: Hypothesis, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.manage');
      return withdrawHypothesis(
        store,
        access.organizationId,
        request.params.id,
        request.body.version,
        request.body.reason,
        access.actor,
      );
    },
  );

  r.post(
    `${base}/:id/runs`,
    {
      schema: {
        tags,
        summary: 'Run a locked hypothesis on the organization’s data now; every run is kept',
        params: RecordParams,
        response: { 201: HypothesisRun, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.manage');
      // Loaded on first use: the statistics and parsing libraries it needs stay out of the server's start.
      const { runLockedHypothesis } = await import('../../app/hypotheses/run-locked-hypothesis.ts');
      return reply
        .status(201)
        .send(await runLockedHypothesis(store, access.organizationId, request.params.id, access.actor));
    },
  );

  r.get(
    `${base}/:id/runs`,
    {
      schema: {
        tags,
        summary: 'Every run of a hypothesis, newest first',
        params: RecordParams,
        response: { 200: ListOf(HypothesisRun), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.view');
      return { items: await listRuns(store.tenant(access.organizationId), request.params.id) };
    },
  );

  r.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        summary: 'Every version of a hypothesis: registration edits, lock, withdrawal',
        params: RecordParams,
        response: { 200: z.object({ items: z.array(HistoryEntry) }), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.view');
      const tenant = store.tenant(access.organizationId);
      await tenant.hypotheses.require(request.params.id);
      return { items: await tenant.history('hypothesis', request.params.id) };
    },
  );

  r.get(
    '/api/orgs/:orgId/models/:modelId/evidence',
    {
      schema: {
        tags,
        summary:
          'Evidence on every link of a model (supported, contradicted, inconclusive, untested) from the latest run of each locked hypothesis',
        params: ModelParams,
        querystring: VersionQuery,
        response: { 200: ModelEvidence, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'hypotheses.view');
      const { modelId } = request.params;
      const { modelEvidence } = await import('../../app/hypotheses/model-evidence.ts');
      return modelEvidence(
        store.tenant(access.organizationId),
        formatModelRef(request.query.version ? { id: modelId, version: request.query.version } : { id: modelId }),
      );
    },
  );
}
