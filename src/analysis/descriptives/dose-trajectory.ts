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
export function doseByRelationshipMonthAcrossEngagements(
  months: readonly Pick<EngagementMonthDose, 'engagementId' | 'relationshipMonth' | 'minutes'>[],
  monthsReached: ReadonlyMap<string, number>,
): DoseDistribution[] {
  // Each engagement's minutes in its months 1..reached, the engagements one after another in the order
  // of `monthsReached`: month m of the i-th engagement is at `offsets[i] + m - 1`.
  const indexOf = new Map<string, number>();
  const offsets: number[] = [];
  const reachedOf: number[] = [];
  let horizon = 0;
  let size = 0;
  for (const [engagementId, reached] of monthsReached) {
    indexOf.set(engagementId, offsets.length);
    offsets.push(size);
    reachedOf.push(reached);
    horizon = Math.max(horizon, reached);
    size += Math.max(0, reached);
  }
  const minutes = new Float64Array(size);
  let lastId: string | undefined;
  let index: number | undefined;
  for (const m of months) {
    // Rows mostly come engagement by engagement: the engagement is looked up when it changes.
    if (m.engagementId !== lastId) {
      lastId = m.engagementId;
      index = indexOf.get(m.engagementId);
    }
    const month = m.relationshipMonth;
    if (index !== undefined && Number.isInteger(month) && month >= 1 && month <= reachedOf[index]!)
      minutes[offsets[index]! + month - 1]! += m.minutes;
  }
  // How many engagements had reached each month.
  const engagementsIn = new Int32Array(horizon + 2);
  for (const reached of reachedOf) if (reached >= 1) engagementsIn[reached]! += 1;
  for (let month = horizon - 1; month >= 1; month -= 1) engagementsIn[month]! += engagementsIn[month + 1]!;
  const result: DoseDistribution[] = [];
  for (let month = 1; month <= horizon; month += 1) {
    // The month's values in the order of `monthsReached`.
    const values = new Float64Array(engagementsIn[month]!);
    if (values.length === 0) continue;
    let n = 0;
    for (let i = 0; i < offsets.length; i += 1)
      if (month <= reachedOf[i]!) values[n++] = minutes[offsets[i]! + month - 1]!;
    let total = 0;
    let withContact = 0;
    for (const v of values) {
      total += v;
      if (v > 0) withContact += 1;
    }
    // A typed array sorts by value, in place; quantileType7 reads only the length and the elements.
    const sorted = values.sort() as unknown as readonly number[];
    result.push({
      month,
      engagements: values.length,
      withContact,
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
export function componentMixOverRelationship(
  months: readonly Pick<ComponentMonthDose, 'relationshipMonth' | 'componentId' | 'minutes'>[],
  groupOf: (componentId: string) => string = (id) => id,
): MixPoint[] {
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
      return {
        month,
        totalMinutes: total,
        shares: Object.fromEntries([...slot.entries()].map(([k, v]) => [k, total > 0 ? v / total : 0])),
      };
    });
}
