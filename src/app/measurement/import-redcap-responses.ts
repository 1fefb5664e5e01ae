import { parseRedcapRecords } from '../../domain/measurement/redcap-records.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { requireInstrument } from './instruments.ts';
import { scoreResponse } from './scores.ts';

/** Imports a REDCap flat CSV of one instrument of a wave as anonymous, submitted individual responses, all or nothing. */
export function importRedcapResponses(
  store: Store,
  organizationId: string,
  waveId: string,
  instrumentId: string,
  csv: string,
  actor: string,
): Promise<{ imported: number }> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    const ref = wave.instruments.find((i) => i.instrumentId === instrumentId);
    if (!ref)
      throw invalid('The wave does not use this instrument', [
        { path: 'instrumentId', message: `"${instrumentId}" is not an instrument of this wave` },
      ]);
    const instrument = await requireInstrument(tenant, `${ref.instrumentId}@${ref.version}`);
    const parsed = parseRedcapRecords(instrument, csv);
    if (!parsed.ok) throw invalid('The REDCap records are not valid; nothing was imported', parsed.errors);
    for (const record of parsed.records) {
      const response = await tenant.responses.insert(
        {
          waveId,
          engagementId: wave.engagementId,
          tokenHash: null,
          anonymous: true,
          contactId: null,
          partnerId: null,
          level: 'individual',
          answers: { [instrumentId]: record.answers },
          instrumentVersions: { [instrumentId]: ref.version },
          expiresAt: null,
          submitted: true,
        },
        actor,
      );
      await scoreResponse(tenant, response);
    }
    return { imported: parsed.records.length };
  });
}
