import { observationsFromScores, type OutcomeObservation, type OutcomeWave } from '../../analysis/outcomes/index.ts';
import type { Wave } from '../../domain/measurement/schemas.ts';
import type { TenantStore } from '../../store/store.ts';

/** What an engagement's outcomes are computed from: its live waves and the observations of their scores. */
export interface EngagementObservations {
  engagementId: string;
  /** The live waves as stored. */
  waves: Wave[];
  /** The same waves as outcome analyses read them (dated by schedule, else by creation). */
  outcomeWaves: OutcomeWave[];
  observations: OutcomeObservation[];
}

const outcomeWave = (wave: Wave): OutcomeWave => ({
  id: wave.id,
  name: wave.name,
  kind: wave.kind,
  date: wave.scheduledOn ?? wave.createdAt.slice(0, 10),
});

/** The waves and score observations of one engagement (404 when it does not exist). */
export async function engagementObservations(
  tenant: TenantStore,
  engagementId: string,
): Promise<EngagementObservations> {
  await tenant.engagements.require(engagementId);
  const [observations] = await engagementsObservations(tenant, [engagementId]);
  return observations!;
}

/**
 * The waves and score observations of several engagements, in the order given: each score with the level
 * its response was given at and the level of the unit it belongs to (observationsFromScores).
 */
export async function engagementsObservations(
  tenant: TenantStore,
  engagementIds: readonly string[],
): Promise<EngagementObservations[]> {
  const unitLevels = new Map<string, string>();
  const result: EngagementObservations[] = [];
  for (const engagementId of engagementIds) {
    const waves = await tenant.waves.listForEngagement(engagementId);
    const responseLevels = await tenant.responses.levelsForWaves(waves.map((w) => w.id));
    const scores = await tenant.scores.listForEngagement(engagementId);
    for (const partnerId of new Set(scores.map((s) => s.partnerId))) {
      if (partnerId === null || unitLevels.has(partnerId)) continue;
      const partner = await tenant.partners.find(partnerId);
      if (partner) unitLevels.set(partnerId, partner.kind);
    }
    result.push({
      engagementId,
      waves,
      outcomeWaves: waves.map(outcomeWave),
      observations: observationsFromScores(scores, responseLevels, unitLevels),
    });
  }
  return result;
}
