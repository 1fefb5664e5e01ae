import { z } from 'zod';
import { Id } from '../support/schemas.ts';

/**
 * Email: the outbox's messages and what the wave page shows of them. A message is `queued` until its
 * first attempt, `sent` when the SMTP server accepted it, `retrying` after a failure that may pass (an
 * unreachable server, a 4xx answer), and `failed` when the server refused it for good (a 5xx answer) or
 * every attempt was used; `lastError` holds the server's reason.
 */
export const emailStatuses = ['queued', 'sent', 'retrying', 'failed'] as const;
export const EmailStatus = z.enum(emailStatuses);
export type EmailStatus = z.infer<typeof EmailStatus>;

export const emailKinds = ['invitation', 'reminder', 'digest'] as const;
export const EmailKind = z.enum(emailKinds);
export type EmailKind = z.infer<typeof EmailKind>;

/** A language tag for the survey page, e.g. `es` or `pt-BR`. */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag such as "en" or "es"' });

export const EmailRecipient = z.strictObject({
  contactId: Id,
  /**
   * A language for this send in place of the contact's own (their `language`); null: the contact's own.
   * The survey's own language stands in for one the survey does not have.
   */
  lang: LanguageTag.nullable().default(null),
});
export type EmailRecipient = z.infer<typeof EmailRecipient>;

export const SendInvitationsInput = z.strictObject({
  recipients: z.array(EmailRecipient).min(1, 'choose at least one contact').max(5000),
  /** Days until each link stops working (1–90). */
  expiresInDays: z.number().int().min(1).max(90).default(14),
});
export type SendInvitationsInput = z.infer<typeof SendInvitationsInput>;

export const SkippedRecipient = z.object({ contactId: z.string(), reason: z.string() });
export type SkippedRecipient = z.infer<typeof SkippedRecipient>;

export const EmailsQueued = z.object({ queued: z.number().int(), skipped: z.array(SkippedRecipient) });
export type EmailsQueued = z.infer<typeof EmailsQueued>;

/** The latest message to one contact about one wave, and where their survey stands. */
export const ContactEmailStatus = z.object({
  contactId: z.string(),
  name: z.string(),
  email: z.string(),
  responseId: z.string().nullable(),
  answered: z.boolean(),
  unsubscribed: z.boolean(),
  /** The latest message: its kind and delivery; null when none was sent. */
  kind: EmailKind.nullable(),
  status: EmailStatus.nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** The language the latest message was written in and its link opens the survey in. */
  lang: z.string().nullable(),
  remindersSent: z.number().int(),
});
export type ContactEmailStatus = z.infer<typeof ContactEmailStatus>;

export const WaveEmail = z.object({
  /** False until an SMTP server is configured: nothing can be sent. */
  configured: z.boolean(),
  reminderLimit: z.number().int(),
  /** The languages the wave's survey can be read in, its own first: the choices of a send's language. */
  languages: z.array(z.string()),
  /** Every contact of the engagement's partners, with their latest message about this wave. */
  contacts: z.array(ContactEmailStatus),
});
export type WaveEmail = z.infer<typeof WaveEmail>;

export const Unsubscribed = z.object({ email: z.string(), organizationName: z.string() });
export type Unsubscribed = z.infer<typeof Unsubscribed>;
