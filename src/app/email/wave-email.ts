import { linkStatus } from '../../domain/measurement/link-status.ts';
import { surveyLanguages } from '../../domain/measurement/translations.ts';
import type { ContactEmailStatus, WaveEmail } from '../../domain/email/schemas.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import { addressKey } from '../../store/repositories/email.ts';
import type { TenantStore } from '../../store/store.ts';
import { waveInstruments } from '../measurement/wave-answers.ts';

/**
 * What the wave page shows of email: whether it is set up, the languages the survey has, and for each contact with an email address
 * of the engagement's partner (or of a unit under it):
 * their latest message about the wave (kind, delivery status, attempts, the server's reason, language), the
 * reminders they had, whether they answered and whether they asked for no more email.
 */
export async function waveEmail(
  tenant: TenantStore,
  waveId: string,
  settings: EmailSettings | null,
  now = new Date(),
): Promise<WaveEmail> {
  const wave = await tenant.waves.require(waveId);
  const engagement = await tenant.engagements.require(wave.engagementId);
  const units = unitsUnder(await tenant.partners.list(), engagement.partnerId);
  const contacts = (await tenant.contacts.list()).filter((c) => c.email !== '' && units.has(c.partnerId));
  const emails = await tenant.emails.listForWave(waveId);
  const responses = new Map((await tenant.responses.listForWave(waveId)).map((r) => [r.id, r]));
  const unsubscribed = await tenant.emails.unsubscribed(contacts.map((c) => c.email));
  const latest = new Map<string, (typeof emails)[number]>();
  const reminders = new Map<string, number>();
  for (const email of emails) {
    if (email.contactId === null) continue;
    latest.set(email.contactId, email);
    if (email.kind === 'reminder') reminders.set(email.contactId, (reminders.get(email.contactId) ?? 0) + 1);
  }
  const rows: ContactEmailStatus[] = contacts.map((contact) => {
    const email = latest.get(contact.id);
    const response = email?.responseId ? responses.get(email.responseId) : undefined;
    return {
      contactId: contact.id,
      name: contact.name,
      email: contact.email,
      responseId: response?.id ?? null,
      answered: response ? linkStatus(response, now) === 'submitted' : false,
      unsubscribed: unsubscribed.has(addressKey(contact.email)),
      kind: email?.kind ?? null,
      status: email?.status ?? null,
      attempts: email?.attempts ?? 0,
      lastError: email?.lastError ?? null,
      nextAttemptAt: email?.status === 'retrying' ? email.nextAttemptAt : null,
      sentAt: email?.sentAt ?? null,
      lang: email?.lang ?? null,
      remindersSent: reminders.get(contact.id) ?? 0,
    };
  });
  return {
    configured: settings !== null,
    reminderLimit: settings?.reminderLimit ?? 0,
    languages: surveyLanguages(await waveInstruments(tenant, wave)),
    contacts: rows,
  };
}

/** The partner and every unit under it (its teams, a system's organizations and theirs). */
function unitsUnder(partners: readonly { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const units = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of partners)
      if (p.parentId !== null && units.has(p.parentId) && !units.has(p.id)) {
        units.add(p.id);
        grew = true;
      }
  }
  return units;
}
