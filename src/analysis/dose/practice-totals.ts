import type { PracticeUse } from '../descriptives/practice-use.ts';
import type { PracticeTotals } from '../../domain/support/practice-totals.ts';
import { interactionModes } from '../../domain/support/schemas.ts';

export type { PracticeTotals };

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Mode mix, principle use and practice-activity use rates from sums instead of the interactions: the same
 * figures as practiceUse over those interactions, in the model's order, null (never NaN) for a zero denominator.
 */
export function practiceUseFromTotals(
  totals: PracticeTotals,
  model: {
    components: readonly { id: string; activities: readonly { id: string }[] }[];
    principles: readonly { id: string }[];
  },
): PracticeUse {
  const n = totals.interactions;
  const modes = new Map(totals.modes.map((m) => [m.mode, m]));
  const principles = new Map(totals.principles.map((p) => [p.principleId, p]));
  const componentInteractions = new Map<string, number>();
  for (const c of totals.components)
    componentInteractions.set(c.componentId, (componentInteractions.get(c.componentId) ?? 0) + c.interactions);
  const activityUses = new Map(totals.activities.map((a) => [`${a.componentId}|${a.activityId}`, a.uses]));
  return {
    interactions: n,
    modeMix: interactionModes.map((mode) => {
      const m = modes.get(mode) ?? { interactions: 0, minutes: 0 };
      return { mode, interactions: m.interactions, minutes: m.minutes, share: ratio(m.interactions, n) };
    }),
    principles: model.principles.map((p) => {
      const use = principles.get(p.id) ?? { interactions: 0, ratings: 0, ratingSum: 0 };
      return {
        principleId: p.id,
        interactions: use.interactions,
        rate: ratio(use.interactions, n),
        ratings: use.ratings,
        meanRating: use.ratings ? use.ratingSum / use.ratings : null,
      };
    }),
    activities: model.components.flatMap((c) =>
      c.activities.map((a) => {
        const uses = activityUses.get(`${c.id}|${a.id}`) ?? 0;
        const within = componentInteractions.get(c.id) ?? 0;
        return { componentId: c.id, activityId: a.id, uses, componentInteractions: within, rate: ratio(uses, within) };
      }),
    ),
  };
}
