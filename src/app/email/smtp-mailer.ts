import nodemailer from 'nodemailer';
import type { AttemptOutcome } from '../../domain/email/delivery.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The address of the message's unsubscribe link, offered to mail clients as `List-Unsubscribe`. */
  unsubscribeUrl?: string;
}

/** Hands messages to an SMTP server. An attempt never throws: its outcome says what the server answered. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<AttemptOutcome>;
  close(): void;
}

/**
 * A mailer over nodemailer's pooled SMTP transport: a few connections kept open and reused, so a wave of
 * invitations does not open one connection per message. Nodemailer's own logging stays off: its debug
 * output would carry the messages, and with them the links.
 */
export function smtpMailer(settings: EmailSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.smtp.host,
    port: settings.smtp.port,
    secure: settings.smtp.secure,
    auth: settings.smtp.user ? { user: settings.smtp.user, pass: settings.smtp.password ?? '' } : undefined,
    pool: true,
    maxConnections: 5,
    maxMessages: Infinity,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  });
  return {
    async send(email) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          ...(email.unsubscribeUrl ? { list: { unsubscribe: email.unsubscribeUrl } } : {}),
        });
        return { ok: true };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; message?: string };
        return { ok: false, responseCode: e.responseCode, reason: e.response ?? e.message ?? String(error) };
      }
    },
    close: () => transport.close(),
  };
}
