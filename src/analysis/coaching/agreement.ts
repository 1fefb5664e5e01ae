import { AppError } from '../../domain/errors.ts';
import { cohenKappa } from '../stats/cohen-kappa.ts';
import { intraclassCorrelation } from '../stats/intraclass-correlation.ts';

/**
 * Agreement between raters of practice: two coaches rating the same component of the same interaction
 * (reviews, and observations of a logged session), and a practitioner's self-rating beside their
 * coach's. Plain functions over plain rows; the statistics are those of psych (src/analysis/stats).
 */

/** One coach's quality rating of one component, on a rated unit (the interaction reviewed or observed). */
export interface CoachRating {
  /** What was rated: the interaction, or the observation itself when it names no interaction. */
  unitId: string;
  raterId: string;
  practitionerId: string;
  componentId: string;
  date: string;
  quality: number;
}

export interface SelfRating {
  practitionerId: string;
  componentId: string;
  date: string;
  rating: number;
}

export interface AgreementFigures {
  /** Pairs of ratings compared. */
  pairs: number;
  kappa: number | null;
  weightedKappa: number | null;
  icc21: { value: number; lower: number; upper: number } | null;
  icc31: { value: number; lower: number; upper: number } | null;
  /** Why a figure is missing (too few pairs, a single category, no variance). */
  notes: string[];
}

export interface ComponentAgreement extends AgreementFigures {
  componentId: string;
}

export interface RaterAgreement {
  methods: { kappa: string; icc: string };
  /** Two coaches on the same interaction and component: the first two coaches to rate it. */
  coachVsCoach: { overall: AgreementFigures; byComponent: ComponentAgreement[] };
  /** Each practitioner's latest self-rating of a component against their coach's latest rating of it. */
  selfVsCoach: { overall: AgreementFigures; byComponent: ComponentAgreement[] };
}

type Pair = { componentId: string; x: number; y: number };

export const KAPPA_METHOD =
  "Cohen's kappa (Cohen 1960) and quadratic-weighted kappa (Cohen 1968), as psych::cohen.kappa";
export const ICC_METHOD = 'ICC(2,1) and ICC(3,1) of Shrout & Fleiss (1979) with 95% F intervals, as psych::ICC';

/** Rater agreement over the ratings given, per component (in `componentIds` order) and overall. */
export function raterAgreement(
  componentIds: readonly string[],
  coach: readonly CoachRating[],
  self: readonly SelfRating[],
): RaterAgreement {
  return {
    methods: { kappa: KAPPA_METHOD, icc: ICC_METHOD },
    coachVsCoach: summarise(componentIds, coachPairs(coach)),
    selfVsCoach: summarise(componentIds, selfCoachPairs(coach, self)),
  };
}

/** For each unit and component, the first rating of the first two coaches who rated it, in date order. */
export function coachPairs(coach: readonly CoachRating[]): Pair[] {
  const byUnit = new Map<string, CoachRating[]>();
  for (const rating of coach) {
    const key = JSON.stringify([rating.unitId, rating.componentId]);
    byUnit.set(key, [...(byUnit.get(key) ?? []), rating]);
  }
  const pairs: Pair[] = [];
  for (const ratings of byUnit.values()) {
    const ordered = [...ratings].sort((a, b) => a.date.localeCompare(b.date));
    const first = ordered[0]!;
    const second = ordered.find((r) => r.raterId !== first.raterId);
    if (second) pairs.push({ componentId: first.componentId, x: first.quality, y: second.quality });
  }
  return pairs;
}

/** Each practitioner × component with both: the latest self-rating (x) and the latest coach rating (y). */
export function selfCoachPairs(coach: readonly CoachRating[], self: readonly SelfRating[]): Pair[] {
  const latest = <T extends { practitionerId: string; componentId: string; date: string }>(rows: readonly T[]) => {
    const map = new Map<string, T>();
    for (const row of rows) {
      const key = JSON.stringify([row.practitionerId, row.componentId]);
      const seen = map.get(key);
      if (!seen || seen.date <= row.date) map.set(key, row);
    }
    return map;
  };
  const coachLatest = latest(coach.filter((r) => r.raterId !== r.practitionerId));
  const pairs: Pair[] = [];
  for (const [key, s] of latest(self)) {
    const c = coachLatest.get(key);
    if (c) pairs.push({ componentId: s.componentId, x: s.rating, y: c.quality });
  }
  return pairs;
}

function summarise(
  componentIds: readonly string[],
  pairs: readonly Pair[],
): { overall: AgreementFigures; byComponent: ComponentAgreement[] } {
  return {
    overall: figures(pairs),
    byComponent: componentIds.map((componentId) => ({
      componentId,
      ...figures(pairs.filter((p) => p.componentId === componentId)),
    })),
  };
}

function figures(pairs: readonly Pair[]): AgreementFigures {
  const notes: string[] = [];
  const attempt = <T>(what: string, compute: () => T): T | null => {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`${what}: ${error.message}`);
      return null;
    }
  };
  if (pairs.length === 0) {
    return { pairs: 0, kappa: null, weightedKappa: null, icc21: null, icc31: null, notes: ['no pairs of ratings'] };
  }
  const kappa = attempt('kappa', () =>
    cohenKappa(
      pairs.map((p) => p.x),
      pairs.map((p) => p.y),
    ),
  );
  const icc = attempt('ICC', () => intraclassCorrelation(pairs.map((p) => [p.x, p.y])));
  const interval = (row: { value: number; lower: number; upper: number }) => ({
    value: row.value,
    lower: row.lower,
    upper: row.upper,
  });
  return {
    pairs: pairs.length,
    kappa: kappa?.unweighted.value ?? null,
    weightedKappa: kappa?.weighted.value ?? null,
    icc21: icc ? interval(icc.icc21) : null,
    icc31: icc ? interval(icc.icc31) : null,
    notes,
  };
}
