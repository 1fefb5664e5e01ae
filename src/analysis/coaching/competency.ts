import type { PracticeMinutes } from '../../domain/coaching/practice-minutes.ts';
/**
 * Competency over time: per practitioner and component, the coaches' quality ratings (from reviews of
 * practice and observations), the practitioner's self-assessments, and the minutes practised from the
 * record. Plain functions over plain rows.
 */

export interface CoachRatingPoint {
  practitionerId: string;
  componentId: string;
  date: string;
  quality: number;
  source: 'review' | 'observation';
  sourceId: string;
}

export interface SelfRatingPoint {
  practitionerId: string;
  componentId: string;
  date: string;
  rating: number;
}

export type { PracticeMinutes } from '../../domain/coaching/practice-minutes.ts';

export interface ComponentCompetency {
  componentId: string;
  coachRatings: { date: string; quality: number; source: 'review' | 'observation'; sourceId: string }[];
  selfRatings: { date: string; rating: number }[];
  minutesByMonth: { month: string; minutes: number }[];
}

const byDate = <T extends { date: string }>(a: T, b: T): number => a.date.localeCompare(b.date);

/** One practitioner's competency series, one per component in `componentIds` (the model's order). */
export function competencySeries(
  practitionerId: string,
  componentIds: readonly string[],
  coach: readonly CoachRatingPoint[],
  self: readonly SelfRatingPoint[],
  minutes: readonly PracticeMinutes[],
): ComponentCompetency[] {
  return componentIds.map((componentId) => {
    const mine = <T extends { practitionerId: string; componentId: string }>(p: T): boolean =>
      p.practitionerId === practitionerId && p.componentId === componentId;
    return {
      componentId,
      coachRatings: coach
        .filter(mine)
        .map(({ date, quality, source, sourceId }) => ({ date, quality, source, sourceId }))
        .sort(byDate),
      selfRatings: self
        .filter(mine)
        .map(({ date, rating }) => ({ date, rating }))
        .sort(byDate),
      minutesByMonth: minutes
        .filter(mine)
        .map(({ month, minutes: m }) => ({ month, minutes: m }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
  });
}

/** The key of `recentMinutes` in `teamCompetency`. */
export const practiceKey = (practitionerId: string, componentId: string): string =>
  `${practitionerId}\u0000${componentId}`;

export interface TeamCell {
  practitionerId: string;
  componentId: string;
  /** The latest coach rating, its date, and its change from the rating before it (null with fewer than two). */
  latestRating: number | null;
  latestDate: string | null;
  change: number | null;
  ratings: number;
  latestSelfRating: number | null;
  /** Minutes practised in the last six months, from the logged interactions. */
  recentMinutes: number;
}

/**
 * The team view: a cell per practitioner × component with the latest coach rating, its change since
 * the previous rating (the trend), the latest self-rating and the minutes practised recently.
 */
export function teamCompetency(
  practitionerIds: readonly string[],
  componentIds: readonly string[],
  coach: readonly CoachRatingPoint[],
  self: readonly SelfRatingPoint[],
  recentMinutes: ReadonlyMap<string, number>,
): TeamCell[] {
  const key = practiceKey;
  const coachBy = new Map<string, CoachRatingPoint[]>();
  for (const point of coach) {
    const k = key(point.practitionerId, point.componentId);
    const list = coachBy.get(k);
    if (list) list.push(point);
    else coachBy.set(k, [point]);
  }
  const latestSelf = new Map<string, SelfRatingPoint>();
  for (const point of self) {
    const k = key(point.practitionerId, point.componentId);
    const current = latestSelf.get(k);
    if (!current || current.date <= point.date) latestSelf.set(k, point);
  }
  const cells: TeamCell[] = [];
  for (const practitionerId of practitionerIds)
    for (const componentId of componentIds) {
      const k = key(practitionerId, componentId);
      const ratings = [...(coachBy.get(k) ?? [])].sort((a, b) => byDate(a, b) || a.sourceId.localeCompare(b.sourceId));
      const last = ratings.at(-1);
      const previous = ratings.at(-2);
      cells.push({
        practitionerId,
        componentId,
        latestRating: last?.quality ?? null,
        latestDate: last?.date ?? null,
        change: last && previous ? last.quality - previous.quality : null,
        ratings: ratings.length,
        latestSelfRating: latestSelf.get(k)?.rating ?? null,
        recentMinutes: recentMinutes.get(k) ?? 0,
      });
    }
  return cells;
}

/** The first day of the six months before `today` (`YYYY-MM-DD`): the window of "recent" practice. */
export function sixMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 - 6, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}
