import { afterAttempt } from '../../domain/email/delivery.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import type { OutboxMessage } from '../../store/repositories/email.ts';
import type { Store } from '../../store/store.ts';
import type { Mailer } from './smtp-mailer.ts';

/** How long a claimed message is left to its sender before another may try it. */
const leaseMs = 5 * 60_000;

export interface DeliveryTally {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every message due by `now`, in batches, and writes each attempt's outcome: sent (its body, with
 * the links, is emptied), retrying with exponential backoff, or failed with the server's reason. Each
 * message is claimed before it is sent, so several servers may drain one outbox. Every change of a
 * message's status is kept in its history. Nothing here logs a message's text or links.
 */
export async function deliverDueEmails(
  store: Store,
  mailer: Mailer,
  settings: EmailSettings,
  now = new Date(),
  options: { batch?: number } = {},
): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, retrying: 0, failed: 0 };
  const batch = options.batch ?? 200;
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  for (;;) {
    const due = await store.emailOutbox.due(now.toISOString(), batch);
    if (due.length === 0) break;
    // Claims, and then outcomes, are written one transaction per batch: a commit per message would cost
    // more than sending it.
    const claimed = await store.transaction(async (tx) => {
      const taken: OutboxMessage[] = [];
      for (const message of due) if (await tx.emailOutbox.claim(message, leaseUntil)) taken.push(message);
      return taken;
    });
    const outcomes = await Promise.all(
      claimed.map(async (message) => {
        const outcome =
          message.body === null
            ? { ok: false, responseCode: 550, reason: 'the message has no text to send' }
            : await mailer.send({
                to: message.recipient,
                subject: message.subject,
                text: message.body,
                unsubscribeUrl: unsubscribeUrlOf(message.body),
              });
        return { message, next: afterAttempt(outcome, message.attempts + 1, now, settings) };
      }),
    );
    await store.transaction(async (tx) => {
      const settledAt = new Date().toISOString();
      for (const { message, next } of outcomes) {
        await tx.emailOutbox.settle(message.id, next, settledAt);
        await tx.tenant(message.organizationId).recordHistory({
          entity: 'email',
          entityId: message.id,
          action: 'update',
          actor: null,
          changes: {
            status: [message.status, next.status],
            attempts: [message.attempts, message.attempts + 1],
            ...(next.lastError !== null ? { lastError: next.lastError } : {}),
          },
        });
        tally[next.status === 'sent' ? 'sent' : next.status === 'retrying' ? 'retrying' : 'failed'] += 1;
      }
    });
    if (due.length < batch) break;
  }
  return tally;
}

/** The unsubscribe address a message's last line carries, for the `List-Unsubscribe` header. */
function unsubscribeUrlOf(body: string): string | undefined {
  return /(\S+\/unsubscribe\/\S+)\s*$/.exec(body)?.[1];
}
