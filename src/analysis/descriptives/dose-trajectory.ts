import type { ComponentMonthDose, EngagementMonthDose } from '../../domain/support/rollups.ts';
import { quantileType7 } from './quantiles.ts';

/**
 * The trajectory study's views: dose by month of relationship across engagements and the component
 * mix over the relationship, from the monthly rollups. Quantiles use R's default (type 7).
 */

export interface DoseDistribution {
  month: number;
  /** Engagements that had reached this month of the relationship. */
  engagements: number;
  /** Of them, how many had any contact in the month. */
  withContact: number;
  mean: number;
  median: number;
  q1: number;
  q3: number;
  totalMinutes: number;
}

/**
 * Minutes per engagement in each month of the relationship: mean, median and interquartile range over the
 * engagements that had reached that month (months without contact count as zero minutes).
 * `monthsReached` gives, per engagement, how many relationship months it has lived through.
 */
export function doseByRelationshipMonthAcrossEngagements(months: readonly Pick<EngagementMonthDose, 'engagementId' | 'relationshipMonth' | 'minutes'>[], monthsReached: ReadonlyMap<string, number>): DoseDistribution[] {
  const minutes = new Map<string, Map<number, number>>();
  for (const m of months) {
    let own = minutes.get(m.engagementId);
    if (!own) minutes.set(m.engagementId, (own = new Map()));
    own.set(m.relationshipMonth, (own.get(m.relationshipMonth) ?? 0) + m.minutes);
  }
  const horizon = Math.max(0, ...monthsReached.values());
  // Each month's values in the order of `monthsReached`.
  const valuesByMonth: number[][] = Array.from({ length: horizon + 1 }, () => []);
  for (const [engagementId, reached] of monthsReached) {
    const own = minutes.get(engagementId);
    for (let month = 1; month <= reached; month += 1) valuesByMonth[month]!.push(own?.get(month) ?? 0);
  }
  const result: DoseDistribution[] = [];
  for (let month = 1; month <= horizon; month += 1) {
    const values = valuesByMonth[month]!;
    if (values.length === 0) continue;
    const sorted = [...values].sort((a, b) => a - b);
    const total = values.reduce((s, v) => s + v, 0);
    result.push({
      month,
      engagements: values.length,
      withContact: values.filter((v) => v > 0).length,
      mean: total / values.length,
      median: quantileType7(sorted, 0.5),
      q1: quantileType7(sorted, 0.25),
      q3: quantileType7(sorted, 0.75),
      totalMinutes: total,
    });
  }
  return result;
}

export interface MixPoint {
  month: number;
  totalMinutes: number;
  /** Share of the month's minutes by component id (0–1), pooled over engagements. */
  shares: Record<string, number>;
}

/** Pooled component mix per month of relationship, optionally grouped (e.g. component → group). */
export function componentMixOverRelationship(months: readonly Pick<ComponentMonthDose, 'relationshipMonth' | 'componentId' | 'minutes'>[], groupOf: (componentId: string) => string = (id) => id): MixPoint[] {
  const byMonth = new Map<number, Map<string, number>>();
  for (const m of months) {
    const slot = byMonth.get(m.relationshipMonth) ?? new Map<string, number>();
    const key = groupOf(m.componentId);
    slot.set(key, (slot.get(key) ?? 0) + m.minutes);
    byMonth.set(m.relationshipMonth, slot);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, slot]) => {
      const total = [...slot.values()].reduce((s, v) => s + v, 0);
      return { month, totalMinutes: total, shares: Object.fromEntries([...slot.entries()].map(([k, v]) => [k, total > 0 ? v / total : 0])) };
    });
}
