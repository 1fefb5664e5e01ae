import { aggregateBy, summarizeScores } from '../../domain/measurement/aggregate.ts';
import { MIN_PAIRS_FOR_TEST, observationsFromScores, outcomeTrajectories, PAIRED_TEST_REFERENCE } from '../../analysis/outcomes/index.ts';
import type { EngagementOutcomeChange, EngagementOutcomes, OutcomeSeries, StoredScore, Wave } from '../../domain/measurement/schemas.ts';
import type { TenantStore } from '../../store/store.ts';

type Point = OutcomeSeries['points'][number];

const waveDate = (wave: Wave): string => wave.scheduledOn ?? wave.createdAt.slice(0, 10);

/** The scores of an engagement's live waves, with the level each response was given at and the level (kind) of each unit. */
async function engagementScores(tenant: TenantStore, engagementId: string) {
  await tenant.engagements.require(engagementId);
  const waves = await tenant.waves.listForEngagement(engagementId);
  const waveIds = new Set(waves.map((w) => w.id));
  const scores = (await tenant.scores.listForEngagement(engagementId)).filter((s) => waveIds.has(s.waveId));
  const responseLevels = new Map<string, string>();
  for (const wave of waves) for (const r of await tenant.responses.listForWave(wave.id)) responseLevels.set(r.id, r.level);
  const unitLevels = new Map<string, string>();
  for (const partnerId of new Set(scores.map((s) => s.partnerId).filter((p): p is string => p !== null))) {
    const partner = await tenant.partners.find(partnerId);
    if (partner) unitLevels.set(partnerId, partner.kind);
  }
  return { waves, scores, responseLevels, unitLevels };
}

/**
 * The score history of an engagement, per outcome and level, wave by wave: individual scores summarized
 * (n, mean, SD); each unit's score as the mean of its members, at the unit's level (a team's members make
 * a team score); and ratings of units made directly at their level.
 */
export async function engagementOutcomes(tenant: TenantStore, engagementId: string): Promise<EngagementOutcomes> {
  const { waves, scores, responseLevels: responses, unitLevels: partnerKinds } = await engagementScores(tenant, engagementId);
  const waveById = new Map(waves.map((w) => [w.id, w]));

  const series = new Map<string, OutcomeSeries>();
  const add = (s: StoredScore, level: string, point: Point) => {
    const key = `${s.outcomeId ?? ''}|${level}|${s.instrumentId}|${s.scoreId}`;
    const entry = series.get(key) ?? { outcomeId: s.outcomeId, level, instrumentId: s.instrumentId, scoreId: s.scoreId, name: s.name, points: [] };
    entry.points.push(point);
    series.set(key, entry);
  };

  const groups = new Map<string, StoredScore[]>();
  for (const s of scores) {
    const key = `${s.waveId}|${s.instrumentId}|${s.scoreId}|${responses.get(s.responseId) === 'individual' ? 'individual' : 'rating'}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, group] of groups) {
    const first = group[0]!;
    const wave = waveById.get(first.waveId)!;
    const at = { waveId: wave.id, waveName: wave.name, date: waveDate(wave) };
    if (key.endsWith('|individual')) {
      add(first, first.level ?? 'individual', { ...at, ...summarizeScores(group.map((s) => s.value)), source: 'respondents', partnerId: null });
      for (const [partnerId, summary] of aggregateBy(group, (s) => s.partnerId, (s) => s.value)) {
        const kind = partnerKinds.get(partnerId);
        if (kind) add(first, kind, { ...at, ...summary, source: 'members', partnerId });
      }
    } else {
      for (const [partnerId, summary] of aggregateBy(group, (s) => s.partnerId, (s) => s.value)) add(first, first.level ?? 'team', { ...at, ...summary, source: 'rating', partnerId });
    }
  }
  const levelOrder = ['individual', 'team', 'organization', 'system'];
  const list = [...series.values()].sort((a, b) => (a.outcomeId ?? '~').localeCompare(b.outcomeId ?? '~') || levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || a.instrumentId.localeCompare(b.instrumentId) || a.scoreId.localeCompare(b.scoreId));
  for (const s of list) s.points.sort((a, b) => a.date.localeCompare(b.date) || a.waveId.localeCompare(b.waveId));
  return { engagementId, series: list };
}

/**
 * Outcome change of an engagement between its waves, per outcome, level and score: trajectories, change
 * from the baseline and between consecutive waves, paired change with the signed-rank test (src/analysis/outcomes).
 */
export async function engagementOutcomeChange(tenant: TenantStore, engagementId: string): Promise<EngagementOutcomeChange> {
  const { waves, scores, responseLevels, unitLevels } = await engagementScores(tenant, engagementId);
  const report = outcomeTrajectories(
    waves.map((w) => ({ id: w.id, name: w.name, kind: w.kind, date: waveDate(w) })),
    observationsFromScores(scores, responseLevels, unitLevels),
  );
  return { engagementId, method: { pairedTest: PAIRED_TEST_REFERENCE, minPairs: MIN_PAIRS_FOR_TEST }, ...report };
}
