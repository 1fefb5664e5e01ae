import { componentDiversity, type ComponentDiversity } from '../../domain/support/diversity.ts';
import type { ComponentMonthDose } from '../../domain/support/rollups.ts';

export { shannonEntropy } from '../../domain/support/diversity.ts';

export interface MonthlyDiversity extends ComponentDiversity {
  engagementId: string;
  relationshipMonth: number;
}

/** Diversity of component use in each engagement-month: number of components used and Shannon entropy of their minutes. */
export function diversityByEngagementMonth(months: readonly ComponentMonthDose[]): MonthlyDiversity[] {
  const groups = new Map<string, ComponentMonthDose[]>();
  for (const m of months) {
    const key = `${m.engagementId}|${m.relationshipMonth}`;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  return inEngagementOrder([...groups.values()].map((list) => ({ engagementId: list[0]!.engagementId, relationshipMonth: list[0]!.relationshipMonth, ...componentDiversity(list)! })));
}

/**
 * Sorts rows by engagement id (`localeCompare`, as every view orders them) and month of the relationship.
 * Ids are compared once each, by rank, not once per comparison of rows: there are far fewer of them.
 */
export function inEngagementOrder<T extends { engagementId: string; relationshipMonth: number }>(rows: T[]): T[] {
  const rank = new Map([...new Set(rows.map((r) => r.engagementId))].sort((a, b) => a.localeCompare(b)).map((id, i) => [id, i]));
  return rows.sort((a, b) => rank.get(a.engagementId)! - rank.get(b.engagementId)! || a.relationshipMonth - b.relationshipMonth);
}

/**
 * One month of an engagement's relationship as the rollups give it for a period: the diversity stored
 * for the whole month, and the calendar month inside the period when the month also reaches outside it
 * (a month of the relationship spans at most two calendar months, so at most one lies inside).
 */
export interface StoredMonthDiversity {
  engagementId: string;
  relationshipMonth: number;
  /** Null when the month has no component rows. */
  diversity: ComponentDiversity | null;
  /** Null when the whole month lies inside the period. */
  partlyInside: string | null;
}

/**
 * Per engagement-month diversity within a period, from the stored figures; a month cut by the period's
 * edge is measured from its component rows in the calendar month inside (`edgeComponents`), as the
 * component rows of the period alone would measure it.
 */
export function diversityInPeriod(months: readonly StoredMonthDiversity[], edgeComponents: readonly ComponentMonthDose[]): MonthlyDiversity[] {
  const edges = new Map<string, ComponentMonthDose[]>();
  for (const c of edgeComponents) {
    const key = `${c.engagementId}|${c.relationshipMonth}|${c.calendarMonth}`;
    const list = edges.get(key) ?? [];
    list.push(c);
    edges.set(key, list);
  }
  const result: MonthlyDiversity[] = [];
  for (const m of months) {
    const diversity = m.partlyInside === null ? m.diversity : componentDiversity(edges.get(`${m.engagementId}|${m.relationshipMonth}|${m.partlyInside}`) ?? []);
    if (diversity) result.push({ engagementId: m.engagementId, relationshipMonth: m.relationshipMonth, ...diversity });
  }
  return inEngagementOrder(result);
}

/** Counts of month-to-month transitions between dominant components (consecutive months with contact, per engagement). */
export function dominantTransitions(diversity: MonthlyDiversity[]): { from: string; to: string; count: number }[] {
  const counts = new Map<string, number>();
  for (let i = 1; i < diversity.length; i += 1) {
    const prev = diversity[i - 1]!;
    const cur = diversity[i]!;
    if (prev.engagementId !== cur.engagementId) continue;
    const key = `${prev.dominantComponent}\u0000${cur.dominantComponent}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, count };
    })
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export interface PeriodComparison {
  period: 'early' | 'later';
  engagementMonths: number;
  /** Null when the period has no engagement-month with contact. */
  meanComponentsUsed: number | null;
  meanEntropy: number | null;
}

/** Early (months 1..earlyThrough) versus later months: mean components used and mean entropy per engagement-month. */
export function earlyVersusLater(diversity: MonthlyDiversity[], earlyThrough = 6): PeriodComparison[] {
  const summarize = (period: 'early' | 'later', rows: MonthlyDiversity[]): PeriodComparison => ({
    period,
    engagementMonths: rows.length,
    meanComponentsUsed: rows.length ? rows.reduce((s, r) => s + r.componentsUsed, 0) / rows.length : null,
    meanEntropy: rows.length ? rows.reduce((s, r) => s + r.entropy, 0) / rows.length : null,
  });
  return [summarize('early', diversity.filter((d) => d.relationshipMonth <= earlyThrough)), summarize('later', diversity.filter((d) => d.relationshipMonth > earlyThrough))];
}
