import type { PracticeModel } from '../model/schema.ts';
import type { Random } from './random.ts';

/**
 * Which components an interaction uses, and in what proportion: the pattern the demo exists to show.
 *
 * Early in a relationship, support concentrates on the components that lay the ground (in the EIS
 * model, the `foundational` and `co-design` groups); as months pass the pull of those components
 * fades, every component becomes available, the current stage's emphasized components gain weight,
 * and interactions blend more components at once, so the monthly mix diversifies. Everything is read
 * from the model, so any model shows the same shape with its own ground-laying components.
 */

/** Group ids that, when a model has them, name the ground-laying components. */
const GROUND_LAYING_GROUPS = new Set(['foundational', 'co-design']);

/**
 * The components that dominate the first months: those of the `foundational` and `co-design` groups
 * when the model has such groups, otherwise those the first stage emphasizes, otherwise those of the
 * first component group, otherwise the first third of the components.
 */
export function earlyComponentIds(model: PracticeModel): Set<string> {
  const known = new Set(model.components.map((c) => c.id));
  const byGroup = model.components.filter((c) => GROUND_LAYING_GROUPS.has(c.group)).map((c) => c.id);
  if (byGroup.length > 0) return new Set(byGroup);
  const firstStage = (model.stages[0]?.emphasizes ?? []).filter((id) => known.has(id));
  if (firstStage.length > 0) return new Set(firstStage);
  const firstGroup = model.componentGroups[0]?.id;
  const inFirstGroup = model.components.filter((c) => c.group === firstGroup).map((c) => c.id);
  if (inFirstGroup.length > 0) return new Set(inFirstGroup);
  return new Set(model.components.slice(0, Math.ceil(model.components.length / 3)).map((c) => c.id));
}

/** Where an interaction falls in its relationship. */
export interface SupportMoment {
  /** Month of the relationship, 1 for the first. */
  relationshipMonth: number;
  /** The stage the engagement is in, or null when the model has no stages. */
  stageId: string | null;
}

/** How strongly the ground-laying components draw support in a month: strong at first, fading over about half a year. */
const earlyPull = (month: number): number => 2 * Math.exp(-(month - 1) / 6);

/** The weight every component has in a month: small at first, when the ground is being laid, full after a year. */
const breadth = (month: number): number => Math.min(1, 0.35 + (0.65 * (month - 1)) / 12);

/** The steady share the ground-laying components keep: relationships are tended throughout. */
const EARLY_FLOOR = 0.6;
/** The extra weight of a component the current stage emphasizes. */
const STAGE_EMPHASIS = 1.5;

/** The relative weight of each of the model's components (in model order) at a moment of the relationship. */
export function componentWeights(model: PracticeModel, early: ReadonlySet<string>, moment: SupportMoment): number[] {
  const emphasized = new Set(model.stages.find((s) => s.id === moment.stageId)?.emphasizes ?? []);
  const month = Math.max(1, moment.relationshipMonth);
  return model.components.map(
    (c) =>
      breadth(month) +
      (early.has(c.id) ? EARLY_FLOOR + earlyPull(month) : 0) +
      (emphasized.has(c.id) ? STAGE_EMPHASIS : 0),
  );
}

/** How many components one interaction blends: one or two at first, two to four once the relationship is established. */
export function componentCount(random: Random, relationshipMonth: number): number {
  if (relationshipMonth <= 6) return random.chance(0.4) ? 2 : 1;
  if (relationshipMonth <= 12) return random.int(1, 3);
  return random.int(2, 4);
}

/** The components of one interaction, each with its share of the interaction's component time (shares sum to 1). */
export function chooseComponents(
  random: Random,
  model: PracticeModel,
  early: ReadonlySet<string>,
  moment: SupportMoment,
): Array<{ componentId: string; share: number }> {
  const weights = componentWeights(model, early, moment);
  const chosen = random.weightedSample(
    model.components.map((c, i) => ({ id: c.id, weight: weights[i]! })),
    weights,
    componentCount(random, moment.relationshipMonth),
  );
  // Time follows weight, with noise: the component that drew the interaction usually takes most of it.
  const raw = chosen.map((c) => c.weight * random.between(0.5, 1.5));
  const total = raw.reduce((a, b) => a + b, 0);
  return chosen.map((c, i) => ({ componentId: c.id, share: raw[i]! / total }));
}
