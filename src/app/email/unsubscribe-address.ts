import type { Unsubscribed } from '../../domain/email/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret } from '../accounts/secrets.ts';
import { organizationName } from './email-records.ts';

/**
 * Honours an unsubscribe link: the address it was sent to gets no more email from that organization
 * (invitations, reminders and digests are all skipped from now on), and its unsent messages are
 * withdrawn. Using the link twice changes nothing more. The change is kept in the history.
 */
export async function unsubscribeAddress(store: Store, token: string, now = new Date()): Promise<Unsubscribed> {
  const message = await store.emailOutbox.findByUnsubscribeHash(digestSecret(token));
  if (!message) throw notFound('Unsubscribe link');
  const orgName = await organizationName(store, message.organizationId);
  await store.transaction(async (tx) => {
    const tenant = tx.tenant(message.organizationId);
    if (!(await tenant.emails.unsubscribe(message.recipient, message.id, now.toISOString()))) return;
    const withdrawn = await tenant.emails.withdrawPending(message.recipient, now.toISOString());
    await tenant.recordHistory({
      entity: 'email-address',
      entityId: message.recipient,
      action: 'update',
      actor: null,
      changes: { unsubscribed: [false, true], messageId: message.id, withdrawn },
    });
  });
  return { email: message.recipient, organizationName: orgName };
}
