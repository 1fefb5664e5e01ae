/**
 * Sending a wave's survey by email: 1,000 invitations to a local SMTP server, against nodemailer
 * sending 1,000 bare messages to the same server, in the same run.
 *
 *   npx tsx bench/email.ts [--quick] [--messages N] [--repeats R]
 *
 * Setup: a fresh SQLite database with one organization, one engagement, N contacts with email
 * addresses, and an SMTP server on loopback (the `smtp-server` package) that accepts every message
 * and reads it to the end.
 *
 * Baseline: nodemailer's pooled transport, with the settings Praxis uses (`smtpMailer`), sending N
 * short messages to the server, all handed over at once. Measured: `sendWaveInvitations` for the N
 * contacts (N links and N messages queued in one transaction), then `deliverDueEmails` until the
 * outbox is empty (each message claimed, sent, its outcome and history written). Both are timed from
 * the first call to the server's receipt of the last message. Figure: messages per second, the median
 * of R runs. Target (issue #18): at least 100 messages/s. Every message must arrive (exit 1 otherwise).
 */
import { SMTPServer } from 'smtp-server';
import { deliverDueEmails } from '../src/app/email/deliver-due-emails.ts';
import { sendWaveInvitations } from '../src/app/email/send-wave-invitations.ts';
import { smtpMailer } from '../src/app/email/smtp-mailer.ts';
import { createWave } from '../src/app/measurement/create-wave.ts';
import { createContact } from '../src/app/partners/create-contact.ts';
import { createEngagement } from '../src/app/engagements/create-engagement.ts';
import { createPartner } from '../src/app/partners/create-partner.ts';
import type { EmailSettings } from '../src/domain/email/settings.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { round, summarize } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const messages = argument('messages') ?? 1000;
const repeats = argument('repeats') ?? (quick ? 1 : 3);
const targetPerSecond = 100;

let received = 0;
let waiting: { count: number; resolve: () => void } | undefined;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      if (waiting && received >= waiting.count) waiting.resolve();
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

/** Resolves once the server has received `count` messages in all. */
const receivedAll = (count: number): Promise<void> =>
  received >= count ? Promise.resolve() : new Promise((resolve) => (waiting = { count, resolve }));

const settings: EmailSettings = {
  smtp: { host: '127.0.0.1', port, secure: false, user: undefined, password: undefined },
  from: 'Praxis <praxis@example.org>',
  publicUrl: 'https://praxis.example.org',
  reminderLimit: 2,
  maxAttempts: 8,
  retryBaseSeconds: 60,
  retryMaxSeconds: 3600,
};

const folder = temporaryFolder('email');
const failures: string[] = [];
try {
  const { store, organizationId, actor } = await openBenchStore(folder.dir);
  const agency = await createPartner(
    store,
    organizationId,
    { name: 'Bench agency', kind: 'organization', parentId: null, type: '', region: '', stateOrCountry: '', tags: [] },
    actor,
  );
  const partnerId = agency.id;
  const engagement = await createEngagement(
    store,
    organizationId,
    {
      partnerId,
      name: 'Bench engagement',
      supportTeam: [],
      startDate: '2026-01-05',
      endDate: null,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      stages: [],
      goals: [],
    },
    actor,
  );
  const team = await createPartner(
    store,
    organizationId,
    { name: 'Bench team', kind: 'team', parentId: partnerId, type: '', region: '', stateOrCountry: '', tags: [] },
    actor,
  );
  progress(`creating ${messages} contacts`);
  const contactIds: string[] = [];
  for (let i = 0; i < messages; i += 1)
    contactIds.push(
      (
        await createContact(
          store,
          organizationId,
          {
            partnerId: team.id,
            name: `Respondent ${i}`,
            email: `r${i}@example.org`,
            level: 'individual',
            role: '',
            language: null,
          },
          actor,
        )
      ).id,
    );

  const baseline: number[] = [];
  const measured: number[] = [];
  for (let run = 1; run <= repeats; run += 1) {
    const mailer = smtpMailer(settings);
    let start = performance.now();
    const outcomes = await Promise.all(
      contactIds.map((_, i) => mailer.send({ to: `r${i}@example.org`, subject: 'Bench', text: `Message ${i}` })),
    );
    const bareMs = performance.now() - start;
    if (outcomes.some((o) => !o.ok))
      failures.push(`baseline run ${run}: ${outcomes.filter((o) => !o.ok).length} not sent`);
    baseline.push(round((messages / bareMs) * 1000, 1));
    mailer.close();
    progress(`baseline run ${run}: ${messages} bare messages in ${round(bareMs, 0)} ms`);

    const wave = await createWave(
      store,
      organizationId,
      engagement.id,
      {
        name: `Wave ${run}`,
        kind: 'ad-hoc',
        scheduledOn: null,
        instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
        levels: ['individual'],
      },
      actor,
    );
    const sender = smtpMailer(settings);
    const expected = received + messages;
    start = performance.now();
    const queued = await sendWaveInvitations(
      store,
      organizationId,
      wave.id,
      { recipients: contactIds.map((contactId) => ({ contactId, lang: null })), expiresInDays: 14 },
      settings,
      actor,
    );
    const tally = await deliverDueEmails(store, sender, settings);
    await receivedAll(expected);
    const invitationsMs = performance.now() - start;
    sender.close();
    if (queued.queued !== messages || tally.sent !== messages)
      failures.push(`run ${run}: queued ${queued.queued}, sent ${tally.sent} of ${messages}`);
    measured.push(round((messages / invitationsMs) * 1000, 1));
    progress(`run ${run}: ${messages} invitations queued and delivered in ${round(invitationsMs, 0)} ms`);
  }

  const figure = summarize(measured).p50;
  const baselineFigure = summarize(baseline).p50;
  emitRow({
    bench: 'email',
    name: `${messages} survey invitations queued and sent to a local SMTP server`,
    figure,
    unit: 'messages/s',
    target: `≥ ${targetPerSecond} messages/s (#18)`,
    pass: figure >= targetPerSecond,
    baseline: `nodemailer sending ${messages} bare messages`,
    baselineFigure,
    ratio: ratioOf(figure, baselineFigure),
    details: { runs: measured, baselineRuns: baseline, loadPerCore: loadPerCore(readMachine()) },
  });
  await store.close();
} finally {
  server.close();
  folder.remove();
}
if (failures.length > 0) {
  process.stderr.write(`${failures.join('\n')}\n`);
  process.exit(1);
}
