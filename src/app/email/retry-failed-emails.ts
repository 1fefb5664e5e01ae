import type { EmailSettings } from '../../domain/email/settings.ts';
import type { Store } from '../../store/store.ts';
import { requireEmailSettings } from './email-records.ts';

/** Puts a wave's failed messages back in the outbox, due now, with their attempts counted afresh. */
export async function retryFailedEmails(
  store: Store,
  organizationId: string,
  waveId: string,
  emailSettings: EmailSettings | null,
  actor: string,
  now = new Date(),
): Promise<{ queued: number }> {
  requireEmailSettings(emailSettings);
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await tenant.waves.require(waveId);
    const requeued = await tenant.emails.requeueFailed(waveId, now.toISOString());
    for (const message of requeued)
      await tenant.recordHistory({
        entity: 'email',
        entityId: message.id,
        action: 'update',
        actor,
        changes: { status: ['failed', 'queued'], attempts: 0 },
      });
    return { queued: requeued.length };
  });
}
