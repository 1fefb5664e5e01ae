import { surveyLink, surveyMessage, unsubscribeLink } from '../../domain/email/messages.ts';
import type { EmailsQueued, SendInvitationsInput, SkippedRecipient } from '../../domain/email/schemas.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import { invalid, type ErrorDetail } from '../../domain/errors.ts';
import { firstOfferedLanguage } from '../../domain/measurement/language.ts';
import { surveyLanguages } from '../../domain/measurement/translations.ts';
import type { NewOutboxMessage } from '../../store/repositories/email.ts';
import { addressKey } from '../../store/repositories/email.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';
import { waveInstruments } from '../measurement/wave-answers.ts';
import { checkRespondent, unitOf, versionsOf } from '../measurement/wave-records.ts';
import { organizationName, requireEmailSettings, unsubscribeToken } from './email-records.ts';

/**
 * Sends a wave's survey by email: for each chosen contact a single-use link (the same link
 * `inviteRespondent` makes) in a message put in the outbox, in one transaction. A contact without an
 * email address, or whose address asked for no more email, is skipped and said so; an unknown contact
 * refuses the whole request, naming its row. Each message and its link are in the recipient's `lang`
 * when given, else in the contact's own language, whichever the survey has first, else in the survey's
 * own language. The sender delivers the messages (`deliverDueEmails`).
 */
export async function sendWaveInvitations(
  store: Store,
  organizationId: string,
  waveId: string,
  input: SendInvitationsInput,
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
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    const contacts = [];
    for (const [i, recipient] of input.recipients.entries()) {
      const contact = await tenant.contacts.find(recipient.contactId);
      if (!contact)
        problems.push({
          path: `recipients[${i}].contactId`,
          message: `no contact "${recipient.contactId}" in this organization`,
        });
      else if (seen.has(contact.id))
        problems.push({ path: `recipients[${i}].contactId`, message: `names ${contact.name} a second time` });
      else contacts.push({ contact, lang: recipient.lang });
      seen.add(recipient.contactId);
    }
    if (!wave.levels.includes('individual'))
      problems.push({ path: 'recipients', message: `the wave measures ${wave.levels.join(', ')}, not individuals` });
    if (problems.length > 0) throw invalid('The invitations are not valid', problems);

    const offered = surveyLanguages(await waveInstruments(tenant, wave));
    const unsubscribed = await tenant.emails.unsubscribed(contacts.map((c) => c.contact.email).filter(Boolean));
    const skipped: SkippedRecipient[] = [];
    const messages: NewOutboxMessage[] = [];
    const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
    for (const { contact, lang: override } of contacts) {
      if (contact.email === '') {
        skipped.push({ contactId: contact.id, reason: `${contact.name} has no email address.` });
        continue;
      }
      if (unsubscribed.has(addressKey(contact.email))) {
        skipped.push({ contactId: contact.id, reason: `${contact.name} asked for no more email.` });
        continue;
      }
      const respondent = { contactId: contact.id, anonymous: false, partnerId: null, level: 'individual' as const };
      await checkRespondent(tenant, wave, respondent);
      const token = randomSecret();
      const response = await tenant.responses.insert(
        {
          waveId,
          engagementId: wave.engagementId,
          tokenHash: digestSecret(token),
          anonymous: false,
          contactId: contact.id,
          partnerId: await unitOf(tenant, respondent),
          level: 'individual',
          answers: {},
          instrumentVersions: versionsOf(wave),
          expiresAt,
          submitted: false,
        },
        actor,
      );
      const lang = firstOfferedLanguage(offered, [override, contact.language]);
      const unsubscribe = unsubscribeToken();
      const composed = surveyMessage({
        kind: 'invitation',
        language: lang,
        contactName: contact.name,
        organizationName: orgName,
        waveName: wave.name,
        engagementName: engagement.name,
        link: surveyLink(settings.publicUrl, token, lang),
        expiresAt,
        unsubscribe: unsubscribeLink(settings.publicUrl, unsubscribe.token),
      });
      messages.push({
        kind: 'invitation',
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
