import { describe, expect, it } from 'vitest';
import { componentDiversity } from '../../domain/support/diversity.ts';
import type { ComponentMonthDose } from '../../domain/support/rollups.ts';
import {
  diversityInPeriod,
  dominantTransitions,
  earlyVersusLater,
  inEngagementOrder,
  type MonthlyDiversity,
  type StoredMonthDiversity,
} from './diversity.ts';
import { doseByRelationshipMonthAcrossEngagements } from './dose-trajectory.ts';
import { quantileType7 } from './quantiles.ts';
import { stageTiming, type StageSpell } from './stage-timing.ts';

/**
 * The descriptives against plain reference implementations of their definitions, on random data:
 * the same numbers in the same order, whatever order the rows come in.
 */

const reference = {
  inEngagementOrder<T extends { engagementId: string; relationshipMonth: number }>(rows: T[]): T[] {
    return rows.sort(
      (a, b) => a.engagementId.localeCompare(b.engagementId) || a.relationshipMonth - b.relationshipMonth,
    );
  },
  diversityInPeriod(
    months: readonly StoredMonthDiversity[],
    edgeComponents: readonly ComponentMonthDose[],
  ): MonthlyDiversity[] {
    const result: MonthlyDiversity[] = [];
    for (const m of months) {
      const edge = edgeComponents.filter(
        (c) =>
          c.engagementId === m.engagementId &&
          c.relationshipMonth === m.relationshipMonth &&
          c.calendarMonth === m.partlyInside,
      );
      const diversity = m.partlyInside === null ? m.diversity : componentDiversity(edge);
      if (diversity)
        result.push({ engagementId: m.engagementId, relationshipMonth: m.relationshipMonth, ...diversity });
    }
    return reference.inEngagementOrder(result);
  },
  dominantTransitions(diversity: MonthlyDiversity[]): { from: string; to: string; count: number }[] {
    const counts: { from: string; to: string; count: number }[] = [];
    for (let i = 1; i < diversity.length; i += 1) {
      const [prev, cur] = [diversity[i - 1]!, diversity[i]!];
      if (prev.engagementId !== cur.engagementId) continue;
      const slot = counts.find((c) => c.from === prev.dominantComponent && c.to === cur.dominantComponent);
      if (slot) slot.count += 1;
      else counts.push({ from: prev.dominantComponent, to: cur.dominantComponent, count: 1 });
    }
    return counts.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  },
  earlyVersusLater(diversity: MonthlyDiversity[], earlyThrough = 6) {
    const summarize = (period: 'early' | 'later', rows: MonthlyDiversity[]) => ({
      period,
      engagementMonths: rows.length,
      meanComponentsUsed: rows.length ? rows.reduce((s, r) => s + r.componentsUsed, 0) / rows.length : null,
      meanEntropy: rows.length ? rows.reduce((s, r) => s + r.entropy, 0) / rows.length : null,
    });
    return [
      summarize(
        'early',
        diversity.filter((d) => d.relationshipMonth <= earlyThrough),
      ),
      summarize(
        'later',
        diversity.filter((d) => d.relationshipMonth > earlyThrough),
      ),
    ];
  },
  dose(
    months: readonly { engagementId: string; relationshipMonth: number; minutes: number }[],
    monthsReached: ReadonlyMap<string, number>,
  ) {
    const horizon = Math.max(0, ...monthsReached.values());
    const result = [];
    for (let month = 1; month <= horizon; month += 1) {
      const values = [...monthsReached]
        .filter(([, reached]) => month <= reached)
        .map(([id]) =>
          months
            .filter((m) => m.engagementId === id && m.relationshipMonth === month)
            .reduce((s, m) => s + m.minutes, 0),
        );
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
  },
  stageTiming(spellsByEngagement: readonly (readonly StageSpell[])[], stageOrder: readonly string[]) {
    const median = (values: number[]) =>
      values.length
        ? quantileType7(
            [...values].sort((a, b) => a - b),
            0.5,
          )
        : null;
    return stageOrder.map((stageId) => {
      const spells = spellsByEngagement
        .map((list) => list.find((s) => s.stageId === stageId))
        .filter((s): s is StageSpell => s !== undefined);
      const completed = spells.filter((s) => !s.current);
      return {
        stageId,
        engagements: spells.length,
        current: spells.length - completed.length,
        medianStartMonth: median(spells.map((s) => s.startMonth)),
        medianDaysCompleted: median(completed.map((s) => s.days)),
        completed: completed.length,
      };
    });
  },
};

/** A small seeded generator (mulberry32), so a failure can be replayed. */
const generator = (seed: number) => {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(random() * n);
  const shuffle = <T>(rows: T[]): T[] => {
    for (let i = rows.length - 1; i > 0; i -= 1) {
      const j = int(i + 1);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    return rows;
  };
  return { random, int, shuffle };
};

// Ids whose byte order and `localeCompare` order differ (case), so the order of the rows matters.
const ids = ['a1', 'B2', 'b1', 'C', 'c0', 'd-9', 'D10', 'e', 'f', 'Fa'];
const components = ['relating', 'assessing', 'coaching', 'Teaching', 'improving'];

function months(seed: number, order: 'shuffled' | 'byte order' | 'engagement order') {
  const { random, int, shuffle } = generator(seed);
  const rows: (StoredMonthDiversity & { minutes: number })[] = [];
  const edges: ComponentMonthDose[] = [];
  for (const engagementId of ids.slice(0, 1 + int(ids.length))) {
    for (let relationshipMonth = 1; relationshipMonth <= 1 + int(14); relationshipMonth += 1) {
      for (let k = int(3); k > 0; k -= 1) {
        const partlyInside = random() < 0.2 ? `2024-0${1 + int(2)}` : null;
        const used = 1 + int(4);
        const diversity =
          random() < 0.15
            ? null
            : {
                componentsUsed: used,
                entropy: random() * Math.log(used),
                dominantComponent: components[int(components.length)]!,
              };
        rows.push({ engagementId, relationshipMonth, minutes: random() < 0.2 ? 0 : int(120), diversity, partlyInside });
        for (const calendarMonth of ['2024-01', '2024-02']) {
          if (random() < 0.6)
            edges.push({
              engagementId,
              relationshipMonth,
              calendarMonth,
              componentId: components[int(components.length)]!,
              interactions: 1,
              minutes: int(60),
              activityUses: 0,
            });
        }
      }
    }
  }
  if (order === 'shuffled') shuffle(rows);
  if (order === 'byte order')
    rows.sort((a, b) =>
      a.engagementId < b.engagementId
        ? -1
        : a.engagementId > b.engagementId
          ? 1
          : a.relationshipMonth - b.relationshipMonth,
    );
  if (order === 'engagement order') reference.inEngagementOrder(rows);
  const reached = new Map(shuffle([...new Set(rows.map((r) => r.engagementId)), 'no-rows']).map((id) => [id, int(16)]));
  return { rows, edges: shuffle(edges), reached };
}

function spells(seed: number): StageSpell[][] {
  const { random, int } = generator(seed);
  const stages = ['exploring', 'preparing', 'implementing', 'sustaining', 'other'];
  return Array.from({ length: int(12) }, () => {
    const length = int(6);
    return Array.from({ length }, (_, i) => ({
      stageId: stages[int(stages.length)]!,
      startedOn: '2024-01-01',
      endedOn: '2024-02-01',
      startMonth: 1 + int(20),
      days: int(400),
      current: i === length - 1 && random() < 0.7,
    }));
  });
}

const seeds = Array.from({ length: 60 }, (_, i) => i + 1);

describe('descriptives against reference implementations on random data', () => {
  for (const order of ['shuffled', 'byte order', 'engagement order'] as const) {
    it(`diversity, transitions, early versus later and dose by month agree (rows in ${order})`, () => {
      for (const seed of seeds) {
        const { rows, edges, reached } = months(seed, order);
        const diversity = diversityInPeriod(rows, edges);
        expect(diversity).toEqual(reference.diversityInPeriod(rows, edges));
        expect(dominantTransitions(diversity)).toEqual(reference.dominantTransitions(diversity));
        for (const earlyThrough of [0, 3, 6])
          expect(earlyVersusLater(diversity, earlyThrough)).toEqual(
            reference.earlyVersusLater(diversity, earlyThrough),
          );
        expect(doseByRelationshipMonthAcrossEngagements(rows, reached)).toEqual(reference.dose(rows, reached));
      }
    });
  }

  it('sorts rows as the plain comparison of ids and months does, keeping ties in their order', () => {
    for (const seed of seeds) {
      for (const order of ['shuffled', 'byte order', 'engagement order'] as const) {
        const { rows } = months(seed, order);
        expect(inEngagementOrder([...rows])).toEqual(reference.inEngagementOrder([...rows]));
      }
    }
  });

  it('times stages as the plain definition does, counting an engagement once per stage', () => {
    const stageOrder = ['exploring', 'preparing', 'implementing', 'sustaining', 'unused'];
    for (const seed of seeds)
      expect(stageTiming(spells(seed), stageOrder)).toEqual(reference.stageTiming(spells(seed), stageOrder));
  });
});
