import type { Store } from '../../store/store.ts';
import { rescoreInstrument } from './scores.ts';
import { checkInstrument } from './instruments.ts';

/** Publishes an instrument version and recomputes, in the same transaction, every score of the instrument under it. */
export function publishInstrument(
  store: Store,
  organizationId: string,
  document: unknown,
  actor: string | null,
): Promise<{ id: string; version: string; name: string; publishedAt: string; rescored: number }> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const instrument = await checkInstrument(tenant, document);
    const stored = await tenant.instruments.insert(instrument, actor);
    await tenant.recordHistory({
      entity: 'instrument',
      entityId: `${instrument.id}@${instrument.version}`,
      action: 'create',
      actor,
      changes: { name: instrument.name },
    });
    const rescored = await rescoreInstrument(tenant, instrument.id);
    return {
      id: instrument.id,
      version: instrument.version,
      name: instrument.name,
      publishedAt: stored.publishedAt,
      rescored,
    };
  });
}
