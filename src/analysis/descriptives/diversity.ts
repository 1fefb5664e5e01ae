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
  return inEngagementOrder(
    [...groups.values()].map((list) => ({
      engagementId: list[0]!.engagementId,
      relationshipMonth: list[0]!.relationshipMonth,
      ...componentDiversity(list)!,
    })),
  );
}

/**
 * Sorts rows by engagement id (`localeCompare`, as every view orders them) and month of the relationship.
 * Rows that already come in that order (the store reads them engagement by engagement) are found so in
 * one pass and left as they are. Otherwise ids are compared once each, by rank, and each row's rank is
 * looked up once, not once per comparison of rows: there are far fewer ids than rows.
 */
export function inEngagementOrder<T extends { engagementId: string; relationshipMonth: number }>(rows: T[]): T[] {
  if (isInEngagementOrder(rows)) return rows;
  const rankOf = new Map<string, number>();
  for (const r of rows) rankOf.set(r.engagementId, 0);
  [...rankOf.keys()].sort((a, b) => a.localeCompare(b)).forEach((id, i) => rankOf.set(id, i));
  const decorated = rows.map((row) => ({ rank: rankOf.get(row.engagementId)!, month: row.relationshipMonth, row }));
  decorated.sort((a, b) => a.rank - b.rank || a.month - b.month);
  for (let i = 0; i < decorated.length; i += 1) rows[i] = decorated[i]!.row;
  return rows;
}

/** Whether the rows are in `inEngagementOrder` already: each engagement's rows together, ids rising, months not falling. */
function isInEngagementOrder(rows: readonly { engagementId: string; relationshipMonth: number }[]): boolean {
  for (let i = 1; i < rows.length; i += 1) {
    const prev = rows[i - 1]!;
    const cur = rows[i]!;
    if (
      prev.engagementId === cur.engagementId
        ? !(prev.relationshipMonth <= cur.relationshipMonth)
        : !(prev.engagementId.localeCompare(cur.engagementId) < 0)
    )
      return false;
  }
  return true;
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
export function diversityInPeriod(
  months: readonly StoredMonthDiversity[],
  edgeComponents: readonly Pick<
    ComponentMonthDose,
    'engagementId' | 'calendarMonth' | 'relationshipMonth' | 'componentId' | 'minutes'
  >[],
): MonthlyDiversity[] {
  const edges = new Map<string, (typeof edgeComponents)[number][]>();
  for (const c of edgeComponents) {
    const key = `${c.engagementId}|${c.relationshipMonth}|${c.calendarMonth}`;
    const list = edges.get(key) ?? [];
    list.push(c);
    edges.set(key, list);
  }
  const result: MonthlyDiversity[] = [];
  for (const m of months) {
    const diversity =
      m.partlyInside === null
        ? m.diversity
        : componentDiversity(edges.get(`${m.engagementId}|${m.relationshipMonth}|${m.partlyInside}`) ?? []);
    if (diversity)
      result.push({
        engagementId: m.engagementId,
        relationshipMonth: m.relationshipMonth,
        componentsUsed: diversity.componentsUsed,
        entropy: diversity.entropy,
        dominantComponent: diversity.dominantComponent,
      });
  }
  return inEngagementOrder(result);
}

/** Counts of month-to-month transitions between dominant components (consecutive months with contact, per engagement). */
export function dominantTransitions(diversity: MonthlyDiversity[]): { from: string; to: string; count: number }[] {
  // Counted by component and then next component; the list keeps the order in which each pair first occurs.
  const counts = new Map<string, Map<string, { from: string; to: string; count: number }>>();
  const transitions: { from: string; to: string; count: number }[] = [];
  for (let i = 1; i < diversity.length; i += 1) {
    const prev = diversity[i - 1]!;
    const cur = diversity[i]!;
    if (prev.engagementId !== cur.engagementId) continue;
    const from = prev.dominantComponent;
    const to = cur.dominantComponent;
    let next = counts.get(from);
    if (!next) counts.set(from, (next = new Map()));
    const slot = next.get(to);
    if (slot) slot.count += 1;
    else {
      const transition = { from, to, count: 1 };
      next.set(to, transition);
      transitions.push(transition);
    }
  }
  return transitions.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
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
  const early = { n: 0, components: 0, entropy: 0 };
  const later = { n: 0, components: 0, entropy: 0 };
  for (const d of diversity) {
    const slot = d.relationshipMonth <= earlyThrough ? early : d.relationshipMonth > earlyThrough ? later : null;
    if (!slot) continue;
    slot.n += 1;
    slot.components += d.componentsUsed;
    slot.entropy += d.entropy;
  }
  const summarize = (
    period: 'early' | 'later',
    s: { n: number; components: number; entropy: number },
  ): PeriodComparison => ({
    period,
    engagementMonths: s.n,
    meanComponentsUsed: s.n ? s.components / s.n : null,
    meanEntropy: s.n ? s.entropy / s.n : null,
  });
  return [summarize('early', early), summarize('later', later)];
}
