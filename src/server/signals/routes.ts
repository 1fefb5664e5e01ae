import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acknowledgeSignal } from '../../app/signals/acknowledge-signal.ts';
import { listSignals } from '../../app/signals/list-signals.ts';
import { updateSignalSettings } from '../../app/signals/update-signal-settings.ts';
import { ListOf } from '../../domain/accounts/schemas.ts';
import { AcknowledgementInput, Signal, SignalSettings, StoredSignalSettings } from '../../domain/signals/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { RecordParams } from '../records.ts';

const today = () => new Date().toISOString().slice(0, 10);

const Acknowledgement = z.object({
  id: z.string(),
  engagementId: z.string(),
  key: z.string(),
  note: z.string(),
  by: z.string().nullable(),
  at: z.string(),
});

/** Responsive signals: per engagement and for the organization, their thresholds, and acknowledgements. */
export async function signalRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/signals',
    {
      schema: {
        tags: ['signals'],
        summary: 'The signals of every engagement of the organization, each explained with its rule',
        params: OrgParams,
        response: { 200: ListOf(Signal), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return { items: await listSignals(store.tenant(access.organizationId), today()) };
    },
  );
  r.get(
    '/api/orgs/:orgId/engagements/:id/signals',
    {
      schema: {
        tags: ['signals'],
        summary: 'The signals of one engagement, each explained with its rule',
        params: RecordParams,
        response: { 200: ListOf(Signal), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return {
        items: await listSignals(store.tenant(access.organizationId), today(), { engagementId: request.params.id }),
      };
    },
  );
  r.post(
    '/api/orgs/:orgId/engagements/:id/signals/acknowledgements',
    {
      schema: {
        tags: ['signals'],
        summary: 'Acknowledge a signal of the engagement with a note (kept in the history)',
        params: RecordParams,
        body: AcknowledgementInput,
        response: { 201: Acknowledgement, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.edit');
      return reply
        .status(201)
        .send(await acknowledgeSignal(store, access.organizationId, request.params.id, request.body, access.actor));
    },
  );
  r.get(
    '/api/orgs/:orgId/signal-settings',
    {
      schema: {
        tags: ['signals'],
        summary: 'The organization’s signal thresholds and switches',
        params: OrgParams,
        response: { 200: StoredSignalSettings, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'records.view');
      return store.tenant(access.organizationId).signals.settings();
    },
  );
  r.put(
    '/api/orgs/:orgId/signal-settings',
    {
      schema: {
        tags: ['signals'],
        summary: 'Change the signal thresholds (administrators; send the version you edited, 0 for the defaults)',
        params: OrgParams,
        body: z.strictObject({ settings: SignalSettings, version: z.number().int().min(0) }),
        response: { 200: StoredSignalSettings, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'signals.configure');
      return updateSignalSettings(
        store,
        access.organizationId,
        request.body.settings,
        request.body.version,
        access.actor,
      );
    },
  );
}
