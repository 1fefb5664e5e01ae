import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../src/app/partners/create-contact.ts';
import type { ContactEmailStatus, WaveEmail } from '../../src/domain/email/schemas.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement } from '../support/records.ts';
import { closedPort, eventually, startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

const publicUrl = 'https://praxis.example.org';
const aimAnswers = { 'aim-support': { 'aim-1': 4, 'aim-2': 5, 'aim-3': 4, 'aim-4': 3 } };

interface EmailWorld {
  t: TestDatabase;
  server: Awaited<ReturnType<typeof startServer>>;
  staff: Client;
  org: string;
  waveId: string;
  contacts: Record<'ana' | 'ben' | 'cy' | 'dee', string>;
  logs: string[];
  close(): Promise<void>;
}

/** An organization with a wave of the AIM and four contacts (Cy has no email address), on a server with `env`. */
async function buildEmailWorld(env: Record<string, string>): Promise<EmailWorld> {
  const t = await createTestDatabase('sqlite');
  const logs: string[] = [];
  const server = await startServer(
    t.store,
    t.env.DATA_DIR!,
    { LOGIN_RATE_LIMIT: '1000', LOG_LEVEL: 'info', EMAIL_WORKER_SECONDS: '0', ...env },
    { write: (line) => void logs.push(line) },
  );
  const orgId = (await buildOrganization(t.store)).organization.id;
  const lead = await buildMember(t.store, orgId, 'lead');
  const { partner, engagement } = await buildEngagement(t.store, orgId, lead.userId);
  const contact = async (name: string, email: string) =>
    (
      await createContact(
        t.store,
        orgId,
        { partnerId: partner.id, name, email, level: 'individual', role: '', language: null },
        lead.userId,
      )
    ).id;
  const contacts = {
    ana: await contact('Ana', 'ana@example.org'),
    ben: await contact('Ben', 'Ben@Example.org'),
    cy: await contact('Cy', ''),
    dee: await contact('Dee', 'dee@example.org'),
  };
  const staff = new Client(server.baseUrl);
  await staff.login(lead.email, testPassword);
  const org = `/api/orgs/${orgId}`;
  const wave = await staff.post(`${org}/engagements/${engagement.id}/waves`, {
    name: 'Spring check-in',
    kind: 'baseline',
    scheduledOn: '2026-12-01',
    instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
  });
  expect(wave.status).toBe(201);
  return {
    t,
    server,
    staff,
    org,
    waveId: wave.body.id,
    contacts,
    logs,
    close: async () => {
      await server.close();
      await t.dispose();
    },
  };
}

const rowOf = (email: WaveEmail, contactId: string): ContactEmailStatus =>
  email.contacts.find((c) => c.contactId === contactId)!;

/** The token of a link in a message's text: the survey link or the unsubscribe link. */
function tokenIn(text: string, kind: 'survey' | 'unsubscribe'): string {
  const match = new RegExp(`${publicUrl}/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  expect(match, `a ${kind} link in:\n${text}`).not.toBeNull();
  return match![1]!;
}

describe('email from the wave page through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let w: EmailWorld;
  const settled = (email: WaveEmail) => email.contacts.every((c) => c.status !== 'queued');
  const readEmail = async () => (await w.staff.get<WaveEmail>(`${w.org}/waves/${w.waveId}/email`)).body;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    w = await buildEmailWorld({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      EMAIL_FROM: 'Praxis <praxis@example.org>',
      PUBLIC_URL: publicUrl,
      EMAIL_REMINDER_LIMIT: '1',
    });
    smtp.refuse('dee@example.org', 'Mailbox unavailable: no such user here');
  });
  afterAll(async () => {
    await w.close();
    await smtp.close();
  });

  it('sends each chosen contact their own working link, skips one without an address and reports a refusal', async () => {
    const before = await readEmail();
    expect(before.configured).toBe(true);
    expect(before.contacts.map((c) => c.name).sort()).toEqual(['Ana', 'Ben', 'Dee']);

    const sent = await w.staff.post(`${w.org}/waves/${w.waveId}/email/invitations`, {
      recipients: [
        { contactId: w.contacts.ana, lang: 'es' },
        { contactId: w.contacts.ben },
        { contactId: w.contacts.cy },
        { contactId: w.contacts.dee },
      ],
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({
      queued: 3,
      skipped: [{ contactId: w.contacts.cy, reason: 'Cy has no email address.' }],
    });

    const email = await eventually(readEmail, settled);
    expect(rowOf(email, w.contacts.ana)).toMatchObject({ kind: 'invitation', status: 'sent', attempts: 1 });
    expect(rowOf(email, w.contacts.ben)).toMatchObject({ kind: 'invitation', status: 'sent', answered: false });
    expect(rowOf(email, w.contacts.dee)).toMatchObject({ kind: 'invitation', status: 'failed', attempts: 1 });
    expect(rowOf(email, w.contacts.dee).lastError).toContain('Mailbox unavailable: no such user here');

    expect(smtp.received.map((m) => m.to).sort()).toEqual([['ana@example.org'], ['ben@example.org']]);
    const ana = smtp.received.find((m) => m.to[0] === 'ana@example.org')!;
    expect(ana.from).toBe('praxis@example.org');
    expect(ana.subject).toMatch(/^Survey: Spring check-in \(.+\)$/);
    expect(ana.text).toContain('Dear Ana,');
    expect(ana.text).toMatch(new RegExp(`${publicUrl}/survey/[A-Za-z0-9_-]+\\?lang=en`));
    expect(ana.raw).toMatch(/^List-Unsubscribe:\s*<https:\/\/praxis\.example\.org\/unsubscribe\//m);
    const ben = smtp.received.find((m) => m.to[0] === 'ben@example.org')!;
    // Ana's link asked for Spanish, which the AIM lacks: its own language stands in, as for Ben.
    expect(ben.text).toMatch(new RegExp(`${publicUrl}/survey/[A-Za-z0-9_-]+\\?lang=en`));

    // Follow Ana's link over HTTP and answer the survey.
    const respondent = new Client(w.server.baseUrl);
    const token = tokenIn(ana.text, 'survey');
    const survey = await respondent.get(`/api/surveys/${token}`);
    expect(survey.status).toBe(200);
    const submitted = await respondent.post(`/api/surveys/${token}/submit`, { answers: aimAnswers });
    expect(submitted.status).toBe(200);
    expect(rowOf(await readEmail(), w.contacts.ana).answered).toBe(true);
  });

  it('refuses an unknown contact by its row, and writes nothing', async () => {
    const refused = await w.staff.post(`${w.org}/waves/${w.waveId}/email/invitations`, {
      recipients: [{ contactId: w.contacts.ben }, { contactId: 'no-such-contact' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'recipients[1].contactId', message: 'no contact "no-such-contact" in this organization' },
    ]);
    const badLang = await w.staff.post(`${w.org}/waves/${w.waveId}/email/invitations`, {
      recipients: [{ contactId: w.contacts.ben, lang: 'Spanish!' }],
    });
    expect(badLang.status).toBe(400);
    expect(badLang.body.error.details[0].path).toBe('recipients[0].lang');
    expect(smtp.received).toHaveLength(2);
  });

  it('reminds only those who have not answered, with a fresh link, at most the configured number of times', async () => {
    const ben = smtp.received.find((m) => m.to[0] === 'ben@example.org')!;
    const firstToken = tokenIn(ben.text, 'survey');
    const reminded = await w.staff.post(`${w.org}/waves/${w.waveId}/email/reminders`);
    expect(reminded.status).toBe(202);
    expect(reminded.body).toEqual({ queued: 1, skipped: [] });
    const email = await eventually(
      readEmail,
      (e) => rowOf(e, w.contacts.ben).status === 'sent' && rowOf(e, w.contacts.ben).kind === 'reminder',
    );
    expect(rowOf(email, w.contacts.ben)).toMatchObject({ kind: 'reminder', status: 'sent', remindersSent: 1 });
    expect(rowOf(email, w.contacts.ana).remindersSent).toBe(0);

    const reminder = smtp.received.at(-1)!;
    expect(reminder.to).toEqual(['ben@example.org']);
    expect(reminder.subject).toMatch(/^Reminder: Spring check-in/);
    const respondent = new Client(w.server.baseUrl);
    expect((await respondent.get(`/api/surveys/${firstToken}`)).status).toBe(404);
    expect((await respondent.get(`/api/surveys/${tokenIn(reminder.text, 'survey')}`)).status).toBe(200);

    const again = await w.staff.post(`${w.org}/waves/${w.waveId}/email/reminders`);
    expect(again.body).toEqual({
      queued: 0,
      skipped: [{ contactId: w.contacts.ben, reason: 'Ben had 1 reminder, the most allowed.' }],
    });
    expect(smtp.received).toHaveLength(3);
  });

  it('honours an unsubscribe link: the address is never emailed again', async () => {
    const reminder = smtp.received.at(-1)!;
    const unsubscribe = await new Client(w.server.baseUrl).post(
      `/api/email/unsubscribe/${tokenIn(reminder.text, 'unsubscribe')}`,
      {},
    );
    expect(unsubscribe.status).toBe(200);
    expect(unsubscribe.body.email).toBe('ben@example.org');
    expect((await new Client(w.server.baseUrl).post('/api/email/unsubscribe/not-a-token', {})).status).toBe(404);

    const sent = await w.staff.post(`${w.org}/waves/${w.waveId}/email/invitations`, {
      recipients: [{ contactId: w.contacts.ben }],
    });
    expect(sent.body).toEqual({
      queued: 0,
      skipped: [{ contactId: w.contacts.ben, reason: 'Ben asked for no more email.' }],
    });
    expect(rowOf(await readEmail(), w.contacts.ben).unsubscribed).toBe(true);
    expect(smtp.received).toHaveLength(3);
  });

  it('retries a refused message when asked, and reports the refusal again', async () => {
    const retried = await w.staff.post(`${w.org}/waves/${w.waveId}/email/retry`);
    expect(retried.body).toEqual({ queued: 1 });
    const email = await eventually(readEmail, settled);
    expect(rowOf(email, w.contacts.dee)).toMatchObject({ status: 'failed', attempts: 1 });
    smtp.refuse('dee@example.org', null);
    await w.staff.post(`${w.org}/waves/${w.waveId}/email/retry`);
    const delivered = await eventually(readEmail, (e) => rowOf(e, w.contacts.dee).status === 'sent');
    expect(rowOf(delivered, w.contacts.dee).lastError).toBeNull();
    expect(smtp.received.at(-1)!.to).toEqual(['dee@example.org']);
  });

  it('writes no link token to the log', async () => {
    const log = w.logs.join('\n');
    expect(log).toContain('/api/email/unsubscribe/[redacted]');
    for (const message of smtp.received) {
      expect(log).not.toContain(tokenIn(message.text, 'survey'));
      expect(log).not.toContain(tokenIn(message.text, 'unsubscribe'));
    }
  });
});

describe('email when the SMTP server is unreachable', () => {
  let w: EmailWorld;
  beforeAll(async () => {
    w = await buildEmailWorld({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(await closedPort()),
      EMAIL_FROM: 'praxis@example.org',
      PUBLIC_URL: publicUrl,
    });
  });
  afterAll(() => w.close());

  it('says so per contact, keeps the message for a retry and fails nothing else', async () => {
    const sent = await w.staff.post(`${w.org}/waves/${w.waveId}/email/invitations`, {
      recipients: [{ contactId: w.contacts.ana }, { contactId: w.contacts.ben }],
    });
    expect(sent.status).toBe(202);
    const email = await eventually(
      async () => (await w.staff.get<WaveEmail>(`${w.org}/waves/${w.waveId}/email`)).body,
      (e) => e.contacts.filter((c) => c.status === 'retrying').length === 2,
    );
    for (const id of [w.contacts.ana, w.contacts.ben]) {
      const row = rowOf(email, id);
      expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt).not.toBeNull();
    }
    expect((await w.staff.get(`${w.org}/waves/${w.waveId}`)).status).toBe(200);
    expect((await w.staff.get(`${w.org}/waves/${w.waveId}/progress`)).body.counts.unused).toBe(2);
  });
});

describe('email before it is set up', () => {
  let w: EmailWorld;
  beforeAll(async () => {
    w = await buildEmailWorld({});
  });
  afterAll(() => w.close());

  it('says email is off and refuses to queue anything, naming the settings', async () => {
    const email = await w.staff.get<WaveEmail>(`${w.org}/waves/${w.waveId}/email`);
    expect(email.body.configured).toBe(false);
    const sent = await w.staff.post(`${w.org}/waves/${w.waveId}/email/invitations`, {
      recipients: [{ contactId: w.contacts.ana }],
    });
    expect(sent.status).toBe(400);
    expect(sent.body.error.details[0].path).toBe('email');
    expect(sent.body.error.details[0].message).toContain('SMTP_HOST');
  });
});
