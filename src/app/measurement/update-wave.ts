import type { InstrumentRef, Wave, WaveInput } from '../../domain/measurement/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { checkWave } from './wave-records.ts';

const sameInstruments = (a: readonly InstrumentRef[], b: readonly InstrumentRef[]): boolean =>
  a.length === b.length &&
  a.every((ref) => b.some((other) => other.instrumentId === ref.instrumentId && other.version === ref.version));

/**
 * Edits a wave (send the version you edited; a stale one gets 409). Once anyone has been invited or has
 * answered, its instruments stay as they are, so every response answers the questions it was given.
 */
export function updateWave(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  input: WaveInput,
  actor: string,
): Promise<Wave> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.waves.require(id);
    await checkWave(tenant, input);
    const responses = await tenant.responses.listForWave(id);
    if (responses.length > 0 && !sameInstruments(current.instruments, input.instruments)) {
      throw invalid('The instruments of a wave cannot change once it has responses or survey links', [
        {
          path: 'instruments',
          message: `the wave has ${responses.length} response${responses.length === 1 ? '' : 's'} or link${responses.length === 1 ? '' : 's'}; plan a new wave instead`,
        },
      ]);
    }
    const used = new Set(responses.filter((r) => r.revokedAt === null).map((r) => r.level));
    const dropped = [...used].filter((level) => !input.levels.includes(level));
    if (dropped.length > 0)
      throw invalid('A level with responses cannot be removed from the wave', [
        { path: 'levels', message: `still has responses at: ${dropped.join(', ')}` },
      ]);
    return (await tenant.waves.update(id, version, { ...input, engagementId: current.engagementId }, actor)).after;
  });
}
