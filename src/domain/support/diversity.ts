/**
 * Diversity of component use in one month of an engagement's relationship: how many components were
 * used, the Shannon entropy of their minutes and the dominant component. The descriptives read these
 * from the engagement-month rollup, which keeps them with every write (see `DoseRepository`).
 */

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

export interface ComponentDiversity {
  componentsUsed: number;
  entropy: number;
  /** The component with the most minutes (ties: the first in id order). */
  dominantComponent: string;
}

/**
 * The diversity of a month's component rows (one row per component and calendar month; a month of the
 * relationship can span two calendar months, whose minutes are added per component first). Null when
 * there are no rows. Entropy is summed in component id order, so the same rows always give the same bits.
 */
export function componentDiversity(
  rows: Iterable<{ componentId: string; minutes: number }>,
): ComponentDiversity | null {
  const byComponent = new Map<string, number>();
  for (const r of rows) byComponent.set(r.componentId, (byComponent.get(r.componentId) ?? 0) + r.minutes);
  if (byComponent.size === 0) return null;
  const entries = [...byComponent.entries()].sort(([a], [b]) => a.localeCompare(b));
  const dominant = entries.reduce((best, e) => (e[1] > best[1] ? e : best), entries[0]!);
  return {
    componentsUsed: entries.filter(([, v]) => v > 0).length,
    entropy: shannonEntropy(entries.map(([, v]) => v)),
    dominantComponent: dominant[0],
  };
}

/** Key of a month of an engagement's relationship. */
export const relationshipMonthKey = (m: { engagementId: string; relationshipMonth: number }): string =>
  `${m.engagementId}|${m.relationshipMonth}`;

/** The diversity of every month of the relationship that has component rows, by `relationshipMonthKey`. */
export function diversityByRelationshipMonth(
  rows: Iterable<{ engagementId: string; relationshipMonth: number; componentId: string; minutes: number }>,
): Map<string, ComponentDiversity> {
  const groups = new Map<string, { componentId: string; minutes: number }[]>();
  for (const r of rows) {
    const key = relationshipMonthKey(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return new Map([...groups].map(([key, list]) => [key, componentDiversity(list)!]));
}
