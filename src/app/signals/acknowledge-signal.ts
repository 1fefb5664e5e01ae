import { notFound } from '../../domain/errors.ts';
import type { AcknowledgementInput } from '../../domain/signals/schemas.ts';
import type { Store } from '../../store/store.ts';
import type { SignalAcknowledgement } from '../../store/repositories/signals.ts';

/** Acknowledges a signal of an engagement with a note; the note is kept in the history. */
export function acknowledgeSignal(
  store: Store,
  organizationId: string,
  engagementId: string,
  input: AcknowledgementInput,
  actor: string,
): Promise<SignalAcknowledgement> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    if (!(await tenant.engagements.find(engagementId))) throw notFound('Engagement');
    return tenant.signals.acknowledge(engagementId, input.key, input.note, actor);
  });
}
