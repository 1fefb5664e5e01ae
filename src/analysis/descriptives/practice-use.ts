import { interactionModes } from '../../domain/support/schemas.ts';
import type { Interaction, InteractionMode } from '../../domain/support/schemas.ts';

/**
 * How support was given, from the interactions themselves: the mode mix, how often each principle was
 * applied, and how often each practice activity was used when its component was. Rates are shares of a
 * stated denominator and are null (never NaN) when the denominator is zero.
 */

export type PracticeInteraction = Pick<Interaction, 'durationMinutes' | 'mode' | 'components' | 'principles'>;

export interface ModeShare {
  mode: InteractionMode;
  interactions: number;
  minutes: number;
  /** Share of all interactions; null when there are none. */
  share: number | null;
}

export interface PrincipleRate {
  principleId: string;
  interactions: number;
  /** Share of all interactions that applied the principle; null when there are none. */
  rate: number | null;
  ratings: number;
  meanRating: number | null;
}

export interface ActivityRate {
  componentId: string;
  activityId: string;
  /** Interactions that used the activity. */
  uses: number;
  /** Interactions that used the activity's component: the denominator of `rate`. */
  componentInteractions: number;
  /** Share of the component's interactions that used the activity; null when the component was never used. */
  rate: number | null;
}

export interface PracticeUse {
  interactions: number;
  modeMix: ModeShare[];
  principles: PrincipleRate[];
  activities: ActivityRate[];
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Mode mix, principle use and practice-activity use rates over a set of interactions, in the model's
 * order: the definition. The application computes the same figures from sums kept in the database
 * (`practiceUseFromTotals`), and the tests check the two against each other.
 */
export function practiceUse(
  interactions: readonly PracticeInteraction[],
  model: {
    components: readonly { id: string; activities: readonly { id: string }[] }[];
    principles: readonly { id: string }[];
  },
): PracticeUse {
  const n = interactions.length;
  const modes = new Map(interactionModes.map((mode) => [mode, { interactions: 0, minutes: 0 }]));
  const principleUses = new Map<string, { interactions: number; ratings: number[] }>();
  const componentUses = new Map<string, number>();
  const activityUses = new Map<string, number>();
  for (const interaction of interactions) {
    const mode = modes.get(interaction.mode);
    if (mode) {
      mode.interactions += 1;
      mode.minutes += interaction.durationMinutes;
    }
    for (const principleId of new Set(interaction.principles.map((p) => p.principleId))) {
      const slot = principleUses.get(principleId) ?? { interactions: 0, ratings: [] };
      slot.interactions += 1;
      principleUses.set(principleId, slot);
    }
    for (const use of interaction.principles)
      if (use.rating !== null) principleUses.get(use.principleId)?.ratings.push(use.rating);
    for (const component of interaction.components) {
      componentUses.set(component.componentId, (componentUses.get(component.componentId) ?? 0) + 1);
      for (const activityId of new Set(component.activityIds)) {
        const key = `${component.componentId}|${activityId}`;
        activityUses.set(key, (activityUses.get(key) ?? 0) + 1);
      }
    }
  }
  return {
    interactions: n,
    modeMix: [...modes.entries()].map(([mode, m]) => ({
      mode,
      interactions: m.interactions,
      minutes: m.minutes,
      share: ratio(m.interactions, n),
    })),
    principles: model.principles.map((p) => {
      const use = principleUses.get(p.id) ?? { interactions: 0, ratings: [] };
      const ratings = use.ratings.length;
      return {
        principleId: p.id,
        interactions: use.interactions,
        rate: ratio(use.interactions, n),
        ratings,
        meanRating: ratings ? use.ratings.reduce((s, r) => s + r, 0) / ratings : null,
      };
    }),
    activities: model.components.flatMap((c) =>
      c.activities.map((a) => {
        const uses = activityUses.get(`${c.id}|${a.id}`) ?? 0;
        const componentInteractions = componentUses.get(c.id) ?? 0;
        return {
          componentId: c.id,
          activityId: a.id,
          uses,
          componentInteractions,
          rate: ratio(uses, componentInteractions),
        };
      }),
    ),
  };
}
