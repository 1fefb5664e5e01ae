import type { ComponentMonthDose } from '../../domain/support/rollups.ts';

/**
 * Shannon entropy (natural log) of a distribution of minutes over components: H = −Σ pᵢ ln pᵢ
 * (Shannon 1948), 0 when one component takes all the time, ln k when k components share it equally.
 * Equal to R's `-sum(p * log(p))` over the non-zero shares.
 */
export function shannonEntropy(minutes: readonly number[]): number {
  const positive = minutes.filter((m) => m > 0);
  const total = positive.reduce((s, m) => s + m, 0);
  if (total === 0) return 0;
  const h = -positive.reduce((s, m) => s + (m / total) * Math.log(m / total), 0);
  return h === 0 ? 0 : h; // one component alone gives −0; report it as 0

}

export interface MonthlyDiversity {
  engagementId: string;
  relationshipMonth: number;
  componentsUsed: number;
  entropy: number;
  /** The component with the most minutes (ties: the first in id order). */
  dominantComponent: string;
}

/** Diversity of component use in each engagement-month: number of components used and Shannon entropy of their minutes. */
export function diversityByEngagementMonth(months: ComponentMonthDose[]): MonthlyDiversity[] {
  const groups = new Map<string, ComponentMonthDose[]>();
  for (const m of months) {
    const key = `${m.engagementId}|${m.relationshipMonth}`;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  return [...groups.values()]
    .map((list) => {
      const byComponent = new Map<string, number>();
      for (const m of list) byComponent.set(m.componentId, (byComponent.get(m.componentId) ?? 0) + m.minutes);
      const entries = [...byComponent.entries()].sort(([a], [b]) => a.localeCompare(b));
      const dominant = entries.reduce((best, e) => (e[1] > best[1] ? e : best), entries[0]!);
      return {
        engagementId: list[0]!.engagementId,
        relationshipMonth: list[0]!.relationshipMonth,
        componentsUsed: entries.filter(([, v]) => v > 0).length,
        entropy: shannonEntropy(entries.map(([, v]) => v)),
        dominantComponent: dominant[0],
      };
    })
    .sort((a, b) => a.engagementId.localeCompare(b.engagementId) || a.relationshipMonth - b.relationshipMonth);
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
