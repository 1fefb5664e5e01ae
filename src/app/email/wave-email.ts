import { linkStatus } from '../../domain/measurement/link-status.ts';
import type { ContactEmailStatus, WaveEmail } from '../../domain/email/schemas.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import { addressKey } from '../../store/repositories/email.ts';
import type { TenantStore } from '../../store/store.ts';

/**
 * What the wave page shows of email: whether it is set up, and for each contact with an email address
 * their latest message about the wave (kind, delivery status, attempts, the server's reason), the
 * reminders they had, whether they answered and whether they asked for no more email.
 */
export async function waveEmail(
  tenant: TenantStore,
  waveId: string,
  settings: EmailSettings | null,
  now = new Date(),
): Promise<WaveEmail> {
  await tenant.waves.require(waveId);
  const contacts = (await tenant.contacts.list()).filter((c) => c.email !== '');
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
      remindersSent: reminders.get(contact.id) ?? 0,
    };
  });
  return { configured: settings !== null, reminderLimit: settings?.reminderLimit ?? 0, contacts: rows };
}
