import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmailsQueued, SendInvitationsInput, Unsubscribed, WaveEmail } from '../../domain/email/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess } from '../auth/principal.ts';
import type { Config } from '../config.ts';
import { errorResponses } from '../openapi.ts';
import { RecordParams } from '../records.ts';
import { retryFailedEmails } from '../../app/email/retry-failed-emails.ts';
import { sendWaveInvitations } from '../../app/email/send-wave-invitations.ts';
import { sendWaveReminders } from '../../app/email/send-wave-reminders.ts';
import { unsubscribeAddress } from '../../app/email/unsubscribe-address.ts';
import { waveEmail } from '../../app/email/wave-email.ts';
import { EmailWorker } from './email-worker.ts';

const TokenParams = z.strictObject({ token: z.string().min(1).max(200) });

/** Email from the wave page (invitations, reminders, delivery status), the unsubscribe link, and the sender. */
export async function emailRoutes(app: FastifyInstance, { store, config }: { store: Store; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['email'];
  const settings = config.email;
  const worker = settings
    ? new EmailWorker(store, settings, app.log, { intervalSeconds: config.emailWorkerSeconds, digest: config.digest })
    : undefined;
  if (worker) {
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }
  const kick = () => void worker?.kick();

  r.get(
    '/api/orgs/:orgId/waves/:id/email',
    {
      schema: {
        tags,
        summary:
          'Email of a wave: whether email is set up, and per contact the latest message (queued, sent, retrying, failed with the server’s reason), reminders and unsubscribes',
        params: RecordParams,
        response: { 200: WaveEmail, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.view');
      return waveEmail(store.tenant(access.organizationId), request.params.id, settings);
    },
  );

  r.post(
    '/api/orgs/:orgId/waves/:id/email/invitations',
    {
      schema: {
        tags,
        summary:
          'Email the survey to chosen contacts, each with their own single-use link (with ?lang= when their language is given)',
        params: RecordParams,
        body: SendInvitationsInput,
        response: { 202: EmailsQueued, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      const queued = await sendWaveInvitations(
        store,
        access.organizationId,
        request.params.id,
        request.body,
        settings,
        access.actor,
      );
      kick();
      return reply.status(202).send(queued);
    },
  );

  r.post(
    '/api/orgs/:orgId/waves/:id/email/reminders',
    {
      schema: {
        tags,
        summary: 'Remind by email everyone invited who has not answered, at most EMAIL_REMINDER_LIMIT times each',
        params: RecordParams,
        response: { 202: EmailsQueued, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      const queued = await sendWaveReminders(store, access.organizationId, request.params.id, settings, access.actor);
      kick();
      return reply.status(202).send(queued);
    },
  );

  r.post(
    '/api/orgs/:orgId/waves/:id/email/retry',
    {
      schema: {
        tags,
        summary: 'Queue the wave’s failed messages again',
        params: RecordParams,
        response: { 202: z.object({ queued: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'measures.manage');
      const queued = await retryFailedEmails(store, access.organizationId, request.params.id, settings, access.actor);
      kick();
      return reply.status(202).send(queued);
    },
  );

  r.post(
    '/api/email/unsubscribe/:token',
    {
      config: { csrf: false, rateLimit: { max: config.surveyRateLimits.submit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Unsubscribe: the address the link was sent to gets no more email from that organization',
        security: [],
        params: TokenParams,
        response: { 200: Unsubscribed, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return unsubscribeAddress(store, request.params.token);
    },
  );
}
