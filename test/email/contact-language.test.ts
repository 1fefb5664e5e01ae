import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactEmailStatus, WaveEmail } from '../../src/domain/email/schemas.ts';
import type { Contact } from '../../src/domain/support/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement } from '../support/records.ts';
import { eventually, startSmtpServer, type ReceivedEmail, type TestSmtpServer } from '../support/smtp.ts';

const publicUrl = 'https://praxis.example.org';

/** The survey link in a message, and the language it opens the survey in. */
function surveyLinkIn(message: ReceivedEmail): { token: string; lang: string } {
  const match = new RegExp(`${publicUrl}/survey/([A-Za-z0-9_-]+)\\?lang=([A-Za-z-]+)`).exec(message.text);
  expect(match, `a survey link in:\n${message.text}`).not.toBeNull();
  return { token: match![1]!, lang: match![2]! };
}

/** The message of a refusal's first detail. */
const refusalMessage = (reply: { status: number; body: { error: { details: { message: string }[] } } }) => {
  expect(reply.status).toBe(400);
  return reply.body.error.details[0]!.message;
};

describe.each(engines)('a contact’s language in survey email (%s)', (engine) => {
  let t: TestDatabase;
  let smtp: TestSmtpServer;
  let server: Awaited<ReturnType<typeof startServer>>;
  let staff: Client;
  let org: string;
  let engagementId: string;
  let partnerId: string;
  const contacts: Record<'sofia' | 'emma' | 'noor', Contact> = {} as never;

  const messageTo = (address: string, nth = 0): ReceivedEmail => smtp.received.filter((m) => m.to[0] === address)[nth]!;
  const readEmail = async (waveId: string) => (await staff.get<WaveEmail>(`${org}/waves/${waveId}/email`)).body;
  const rowOf = (email: WaveEmail, contact: Contact): ContactEmailStatus =>
    email.contacts.find((c) => c.contactId === contact.id)!;
  const delivered = (waveId: string, count: number) =>
    eventually(
      () => readEmail(waveId),
      (email) => smtp.received.length >= count && email.contacts.every((c) => c.status !== 'queued'),
    );
  const plan = async (name: string, instrumentId: string) => {
    const wave = await staff.post(`${org}/engagements/${engagementId}/waves`, {
      name,
      kind: 'baseline',
      scheduledOn: '2026-12-01',
      instruments: [{ instrumentId, version: '1.0.0' }],
    });
    expect(wave.status).toBe(201);
    return wave.body.id as string;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, {
      LOGIN_RATE_LIMIT: '1000',
      EMAIL_WORKER_SECONDS: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      EMAIL_FROM: 'Praxis <praxis@example.org>',
      PUBLIC_URL: publicUrl,
    });
    const orgId = (await buildOrganization(t.store)).organization.id;
    const lead = await buildMember(t.store, orgId, 'lead');
    const built = await buildEngagement(t.store, orgId, lead.userId);
    engagementId = built.engagement.id;
    partnerId = built.partner.id;
    staff = new Client(server.baseUrl);
    await staff.login(lead.email, testPassword);
    org = `/api/orgs/${orgId}`;
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
    await smtp.close();
  });

  it('keeps a contact’s language, refuses one that is not a language by its field, and keeps changes in the history', async () => {
    const add = (name: string, language?: string) =>
      staff.post(`${org}/contacts`, {
        partnerId,
        name,
        email: `${name.toLowerCase()}@example.org`,
        level: 'individual',
        ...(language === undefined ? {} : { language }),
      });
    const sofia = await add('Sofia', 'es');
    expect(sofia.status).toBe(201);
    expect(sofia.body.language).toBe('es');
    const emma = await add('Emma', 'en');
    const noor = await add('Noor');
    expect(noor.body.language).toBeNull();
    Object.assign(contacts, { sofia: sofia.body, emma: emma.body, noor: noor.body });

    for (const language of ['sp', 'Spanish', 'xx']) {
      const refused = await add('Typo', language);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['language']);
    }
    expect(refusalMessage(await add('Typo', 'sp'))).toBe('"sp" is not a known language code');
    const listed = (await staff.get<{ items: Contact[] }>(`${org}/contacts?partnerId=${partnerId}`)).body.items;
    expect(listed.map((c) => c.name).sort()).toEqual(['Emma', 'Noor', 'Sofia']);

    // Noor's language is learnt later, then corrected: each change is a version in the history.
    const put = (contact: Contact, language: string | null) =>
      staff.request('PUT', `${org}/contacts/${contact.id}`, {
        partnerId,
        name: contact.name,
        email: contact.email,
        level: contact.level,
        role: contact.role,
        language,
        version: contact.version,
      });
    const learnt = await put(contacts.noor, 'fr');
    expect(learnt.status).toBe(200);
    expect(learnt.body).toMatchObject({ language: 'fr', version: 2 });
    const refused = await put(learnt.body, 'français');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('language');
    expect((await staff.get<Contact>(`${org}/contacts/${contacts.noor.id}`)).body).toMatchObject({
      language: 'fr',
      version: 2,
    });
    const history = (await staff.get(`${org}/contacts/${contacts.noor.id}/history`)).body.items as {
      version: number;
      changes: Record<string, unknown>;
    }[];
    expect(history.find((h) => h.version === 2)?.changes).toMatchObject({ language: [null, 'fr'] });
    contacts.noor = learnt.body;
  });

  it('writes each invitation in the contact’s language when the survey has it, else in the survey’s own', async () => {
    const waveId = await plan('Spring check-in', 'support-experience');
    const sent = await staff.post(`${org}/waves/${waveId}/email/invitations`, {
      recipients: [{ contactId: contacts.sofia.id }, { contactId: contacts.emma.id }, { contactId: contacts.noor.id }],
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ queued: 3, skipped: [] });
    const email = await delivered(waveId, 3);
    expect(email.languages).toEqual(['en', 'es']);

    const sofia = messageTo('sofia@example.org');
    expect(sofia.subject).toMatch(/^Encuesta: Spring check-in \(.+\)$/);
    expect(sofia.text).toContain('Hola, Sofia:');
    expect(sofia.text).toContain('Responda aquí:');
    expect(surveyLinkIn(sofia).lang).toBe('es');
    const emma = messageTo('emma@example.org');
    expect(emma.subject).toMatch(/^Survey: Spring check-in/);
    expect(emma.text).toContain('Dear Emma,');
    expect(surveyLinkIn(emma).lang).toBe('en');
    // Noor prefers French, which the survey lacks: its own language, English, stands in.
    const noor = messageTo('noor@example.org');
    expect(noor.text).toContain('Dear Noor,');
    expect(surveyLinkIn(noor).lang).toBe('en');

    expect(rowOf(email, contacts.sofia)).toMatchObject({ status: 'sent', lang: 'es' });
    expect(rowOf(email, contacts.emma)).toMatchObject({ status: 'sent', lang: 'en' });
    expect(rowOf(email, contacts.noor)).toMatchObject({ status: 'sent', lang: 'en' });

    // Sofia's link opens a survey offered in Spanish.
    const survey = await new Client(server.baseUrl).get(`/api/surveys/${surveyLinkIn(sofia).token}`);
    expect(survey.status).toBe(200);
    expect(survey.body.languages).toEqual(['en', 'es']);

    // A reminder keeps each contact's language.
    const reminded = await staff.post(`${org}/waves/${waveId}/email/reminders`);
    expect(reminded.body.queued).toBe(3);
    await delivered(waveId, 6);
    const reminder = messageTo('sofia@example.org', 1);
    expect(reminder.subject).toMatch(/^Recordatorio: Spring check-in/);
    expect(surveyLinkIn(reminder).lang).toBe('es');
    expect(surveyLinkIn(messageTo('emma@example.org', 1)).lang).toBe('en');
  });

  it('lets a send choose the language for everyone, and falls back when the survey lacks Spanish', async () => {
    const chosenWave = await plan('Chosen language', 'support-experience');
    await staff.post(`${org}/waves/${chosenWave}/email/invitations`, {
      recipients: [{ contactId: contacts.emma.id, lang: 'es' }],
    });
    const chosen = await delivered(chosenWave, 7);
    expect(smtp.received.at(-1)!.subject).toMatch(/^Encuesta: Chosen language/);
    expect(surveyLinkIn(smtp.received.at(-1)!).lang).toBe('es');
    expect(rowOf(chosen, contacts.emma).lang).toBe('es');

    const englishOnly = await plan('English only', 'aim-support');
    const sent = await staff.post(`${org}/waves/${englishOnly}/email/invitations`, {
      recipients: [{ contactId: contacts.sofia.id }],
    });
    expect(sent.status).toBe(202);
    const email = await delivered(englishOnly, 8);
    expect(email.languages).toEqual(['en']);
    const sofia = smtp.received.at(-1)!;
    expect(sofia.to).toEqual(['sofia@example.org']);
    expect(sofia.subject).toMatch(/^Survey: English only/);
    expect(sofia.text).toContain('Dear Sofia,');
    expect(surveyLinkIn(sofia).lang).toBe('en');
    expect(rowOf(email, contacts.sofia)).toMatchObject({ status: 'sent', lang: 'en' });
  });
});
