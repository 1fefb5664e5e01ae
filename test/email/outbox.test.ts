import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueEmails } from '../../src/app/email/deliver-due-emails.ts';
import { sendWaveInvitations } from '../../src/app/email/send-wave-invitations.ts';
import { sendWeeklyDigest } from '../../src/app/email/send-weekly-digest.ts';
import { smtpMailer, type Mailer } from '../../src/app/email/smtp-mailer.ts';
import { unsubscribeAddress } from '../../src/app/email/unsubscribe-address.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import type { EmailSettings } from '../../src/domain/email/settings.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const settingsFor = (port: number): EmailSettings => ({
  smtp: { host: '127.0.0.1', port, secure: false, user: undefined, password: undefined },
  from: 'praxis@example.org',
  publicUrl: 'https://praxis.example.org/',
  reminderLimit: 2,
  maxAttempts: 4,
  retryBaseSeconds: 60,
  retryMaxSeconds: 3600,
});
const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);

describe.each(engines)('the email outbox on %s', (engine) => {
  let t: TestDatabase;
  let smtp: TestSmtpServer;
  let down: EmailSettings;
  let up: EmailSettings;
  const mailers: Mailer[] = [];
  let orgId: string;
  let waveId: string;
  let anaId: string;
  let actor: string;
  const t0 = '2026-12-07T09:00:00.000Z';
  const mailer = (settings: EmailSettings) => {
    const m = smtpMailer(settings);
    mailers.push(m);
    return m;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    smtp = await startSmtpServer();
    down = settingsFor(await closedPort());
    up = settingsFor(smtp.port);
    orgId = (await buildOrganization(t.store)).organization.id;
    const practitioner = await buildMember(t.store, orgId, 'practitioner');
    await buildMember(t.store, orgId, 'lead');
    await buildMember(t.store, orgId, 'researcher');
    actor = practitioner.userId;
    const { partner, engagement } = await buildEngagement(t.store, orgId, actor);
    anaId = (
      await createContact(
        t.store,
        orgId,
        { partnerId: partner.id, name: 'Ana', email: 'ana@example.org', level: 'individual', role: '', language: null },
        actor,
      )
    ).id;
    waveId = (
      await createWave(
        t.store,
        orgId,
        engagement.id,
        {
          name: 'December check-in',
          kind: 'follow-up',
          scheduledOn: '2026-12-10',
          instruments: [{ instrumentId: 'support-experience', version: '1.0.0' }],
          levels: ['individual'],
        },
        actor,
      )
    ).id;
  });
  afterAll(async () => {
    for (const m of mailers) m.close();
    await smtp.close();
    await t.dispose();
  });

  it('retries an undeliverable message with exponential backoff and delivers it when the server is back', async () => {
    const queued = await sendWaveInvitations(
      t.store,
      orgId,
      waveId,
      { recipients: [{ contactId: anaId, lang: 'es' }], expiresInDays: 14 },
      down,
      actor,
      at(t0),
    );
    expect(queued).toEqual({ queued: 1, skipped: [] });
    const tenant = t.store.tenant(orgId);
    const read = async () => (await tenant.emails.listForWave(waveId))[0]!;

    expect(await deliverDueEmails(t.store, mailer(down), down, at(t0))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await read()).toMatchObject({ status: 'retrying', attempts: 1, nextAttemptAt: at(t0, 60).toISOString() });
    expect((await read()).lastError).toMatch(/ECONNREFUSED|connect/i);

    // Not due before its wait is over.
    expect(await deliverDueEmails(t.store, mailer(down), down, at(t0, 59))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await deliverDueEmails(t.store, mailer(down), down, at(t0, 60))).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    expect(await read()).toMatchObject({
      status: 'retrying',
      attempts: 2,
      nextAttemptAt: at(t0, 60 + 120).toISOString(),
    });

    expect(await deliverDueEmails(t.store, mailer(up), up, at(t0, 180))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const sent = await read();
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null, lang: 'es' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.text).toMatch(/https:\/\/praxis\.example\.org\/survey\/[A-Za-z0-9_-]+\?lang=es/);

    // Once sent, the outbox keeps no link: the body is gone.
    const row = await t.store.database.db
      .selectFrom('email_outbox')
      .select(['body'])
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(row.body).toBeNull();
    const history = await tenant.history('email', sent.id);
    expect(history.map((h) => h.changes.status)).toEqual([
      ['queued', 'retrying'],
      ['retrying', 'retrying'],
      ['retrying', 'sent'],
    ]);
  });

  it('gives up after the last attempt with the reason, and never drops the message silently', async () => {
    const few = { ...down, maxAttempts: 2 };
    await sendWaveInvitations(
      t.store,
      orgId,
      waveId,
      { recipients: [{ contactId: anaId, lang: null }], expiresInDays: 14 },
      few,
      actor,
      at(t0, 1000),
    );
    await deliverDueEmails(t.store, mailer(few), few, at(t0, 1000));
    expect(await deliverDueEmails(t.store, mailer(few), few, at(t0, 1060))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    const last = (await t.store.tenant(orgId).emails.listForWave(waveId)).at(-1)!;
    expect(last.status).toBe('failed');
    expect(last.lastError).toMatch(/gave up after 2 attempts/);
  });

  it('sends a weekly digest with the waves due and signals to practitioners and leads, once a week', async () => {
    smtp.received.length = 0;
    const monday = at('2026-12-07T07:00:00.000Z');
    const tally = await sendWeeklyDigest(t.store, up, monday, { organizationId: orgId });
    expect(tally).toEqual({ queued: 2, nothingToTell: 0, skipped: 0 });
    await deliverDueEmails(t.store, mailer(up), up, monday);
    expect(smtp.received).toHaveLength(2);
    for (const digest of smtp.received) {
      expect(digest.subject).toMatch(/^Your week in .+: 2026-12-07$/);
      expect(digest.text).toContain('Survey waves due: 1 wave.');
      expect(digest.text).toMatch(/- 2026-12-10 {2}Support for Partner \w+: December check-in/);
      expect(digest.text).toContain('Open Praxis: https://praxis.example.org/');
      expect(digest.text).toMatch(/To stop this digest: https:\/\/praxis\.example\.org\/unsubscribe\/\S+/);
    }
    // Again the same week: nothing new.
    expect(await sendWeeklyDigest(t.store, up, at('2026-12-09T07:00:00.000Z'), { organizationId: orgId })).toEqual({
      queued: 0,
      nothingToTell: 0,
      skipped: 2,
    });
  });

  it('honours an unsubscribe from a digest: the next week that person gets none', async () => {
    const digest = smtp.received[0]!;
    const token = /\/unsubscribe\/(\S+)/.exec(digest.text)![1]!;
    const done = await unsubscribeAddress(t.store, token);
    expect(done.email).toBe(digest.to[0]);
    const next = await sendWeeklyDigest(t.store, up, at('2026-12-14T07:00:00.000Z'), { organizationId: orgId });
    expect(next).toEqual({ queued: 1, nothingToTell: 0, skipped: 1 });
    const history = await t.store.tenant(orgId).history('email-address', digest.to[0]!);
    expect(history[0]!.changes).toMatchObject({ unsubscribed: [false, true] });
  });
});
