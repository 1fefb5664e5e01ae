import { countOf } from '../../domain/count-of.ts';
import { firstOfferedLanguage } from '../../domain/measurement/language.ts';
import { linkStatus } from '../../domain/measurement/link-status.ts';
import { surveyLanguages } from '../../domain/measurement/translations.ts';
import { surveyLink, surveyMessage, unsubscribeLink } from '../../domain/email/messages.ts';
import type { EmailsQueued, SkippedRecipient } from '../../domain/email/schemas.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import type { NewOutboxMessage } from '../../store/repositories/email.ts';
import { addressKey } from '../../store/repositories/email.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';
import { waveInstruments } from '../measurement/wave-answers.ts';
import { organizationName, requireEmailSettings, unsubscribeToken } from './email-records.ts';

/**
 * Reminds everyone whose emailed invitation to a wave was delivered and who has not answered yet (their link is unused or
 * started, not expired or revoked), at most `reminderLimit` times per link. Only hashes of links are
 * kept, so a reminder carries a fresh link to the same response: the answers saved so far stay, and the
 * earlier link stops working. A reminder is in the language the respondent chose on the survey page,
 * else the invitation's, else the contact's own, whichever the survey has first, else the survey's own.
 */
export async function sendWaveReminders(
  store: Store,
  organizationId: string,
  waveId: string,
  emailSettings: EmailSettings | null,
  actor: string,
  now = new Date(),
): Promise<EmailsQueued> {
  const settings = requireEmailSettings(emailSettings);
  const orgName = await organizationName(store, organizationId);
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    const engagement = await tenant.engagements.require(wave.engagementId);
    const emails = await tenant.emails.listForWave(waveId);
    const invited = new Map<string, { lang: string | null }>();
    const reminders = new Map<string, number>();
    for (const email of emails) {
      if (email.responseId === null) continue;
      // Only links that reached the mailbox are reminded of: a refused invitation is retried, not reminded.
      if (email.kind === 'invitation' && email.status === 'sent') invited.set(email.responseId, { lang: email.lang });
      if (email.kind === 'reminder') reminders.set(email.responseId, (reminders.get(email.responseId) ?? 0) + 1);
    }
    const open = (await tenant.responses.listForWave(waveId)).filter((r) => {
      const status = linkStatus(r, now);
      return invited.has(r.id) && r.contactId !== null && (status === 'unused' || status === 'started');
    });
    const contacts = new Map((await tenant.contacts.list()).map((c) => [c.id, c]));
    const offered = surveyLanguages(await waveInstruments(tenant, wave));
    const unsubscribed = await tenant.emails.unsubscribed(
      open.map((r) => contacts.get(r.contactId!)?.email ?? '').filter(Boolean),
    );
    const skipped: SkippedRecipient[] = [];
    const messages: NewOutboxMessage[] = [];
    for (const response of open) {
      const contact = contacts.get(response.contactId!);
      if (!contact || contact.email === '') continue;
      const sent = reminders.get(response.id) ?? 0;
      if (sent >= settings.reminderLimit) {
        skipped.push({
          contactId: contact.id,
          reason: `${contact.name} had ${countOf(sent, 'reminder')}, the most allowed.`,
        });
        continue;
      }
      if (unsubscribed.has(addressKey(contact.email))) {
        skipped.push({ contactId: contact.id, reason: `${contact.name} asked for no more email.` });
        continue;
      }
      const token = randomSecret();
      if (!(await tenant.responses.replaceToken(response.id, digestSecret(token)))) continue;
      const lang = firstOfferedLanguage(offered, [response.language, invited.get(response.id)?.lang, contact.language]);
      const unsubscribe = unsubscribeToken();
      const composed = surveyMessage({
        kind: 'reminder',
        language: lang,
        contactName: contact.name,
        organizationName: orgName,
        waveName: wave.name,
        engagementName: engagement.name,
        link: surveyLink(settings.publicUrl, token, lang),
        expiresAt: response.expiresAt,
        unsubscribe: unsubscribeLink(settings.publicUrl, unsubscribe.token),
      });
      messages.push({
        kind: 'reminder',
        recipient: contact.email,
        contactId: contact.id,
        waveId,
        responseId: response.id,
        lang,
        subject: composed.subject,
        body: composed.text,
        unsubscribeHash: unsubscribe.hash,
      });
    }
    const queued = await tenant.emails.enqueue(messages, actor, now.toISOString());
    return { queued: queued.length, skipped };
  });
}
