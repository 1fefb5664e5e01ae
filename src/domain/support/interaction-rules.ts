import type { PracticeModel } from '../../model/schema.ts';
import type { ErrorDetail } from '../errors.ts';
import type { InteractionInput } from './schemas.ts';

export interface InteractionContext {
  model: PracticeModel;
  engagementStart: string;
  engagementEnd: string | null;
}

/** A model version's ids, looked up for every interaction checked against it. */
interface ModelIndex {
  ref: string;
  /** Component id → its activity ids. */
  components: Map<string, Set<string>>;
  principles: Set<string>;
  stages: Set<string>;
}

/** Built once per model object (an import checks many thousand interactions against a handful). */
const modelIndexes = new WeakMap<PracticeModel, ModelIndex>();

function indexOf(model: PracticeModel): ModelIndex {
  let index = modelIndexes.get(model);
  if (!index) {
    index = {
      ref: `${model.id}@${model.version}`,
      components: new Map(model.components.map((c) => [c.id, new Set(c.activities.map((a) => a.id))])),
      principles: new Set(model.principles.map((p) => p.id)),
      stages: new Set(model.stages.map((s) => s.id)),
    };
    modelIndexes.set(model, index);
  }
  return index;
}

/**
 * Checks an interaction against its engagement and the engagement's model version. Returns every
 * problem at once, each at its field path; an empty list means the interaction may be saved.
 */
export function checkInteraction(
  input: InteractionInput,
  { model, engagementStart, engagementEnd }: InteractionContext,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const { ref: modelRef, components, principles, stages } = indexOf(model);

  let componentMinutes = 0;
  for (const c of input.components) componentMinutes += c.minutes;
  if (componentMinutes > input.durationMinutes) {
    problems.push({
      path: 'components',
      message: `minutes across components (${componentMinutes}) exceed the duration (${input.durationMinutes})`,
    });
  }
  if (input.date < engagementStart)
    problems.push({ path: 'date', message: `is before the engagement started (${engagementStart})` });
  if (engagementEnd && input.date > engagementEnd)
    problems.push({ path: 'date', message: `is after the engagement ended (${engagementEnd})` });

  const seenComponents = new Set<string>();
  input.components.forEach((use, i) => {
    const activities = components.get(use.componentId);
    if (!activities) {
      problems.push({
        path: `components[${i}].componentId`,
        message: `unknown component "${use.componentId}" in model ${modelRef}`,
      });
      return;
    }
    if (seenComponents.has(use.componentId))
      problems.push({
        path: `components[${i}].componentId`,
        message: `component "${use.componentId}" is listed twice`,
      });
    seenComponents.add(use.componentId);
    const seenActivities = new Set<string>();
    use.activityIds.forEach((activityId, j) => {
      if (!activities.has(activityId)) {
        problems.push({
          path: `components[${i}].activityIds[${j}]`,
          message: `unknown activity "${activityId}" of component "${use.componentId}" in model ${modelRef}`,
        });
      } else if (seenActivities.has(activityId)) {
        problems.push({
          path: `components[${i}].activityIds[${j}]`,
          message: `activity "${activityId}" is listed twice`,
        });
      }
      seenActivities.add(activityId);
    });
  });

  const seenPrinciples = new Set<string>();
  input.principles.forEach((use, i) => {
    if (!principles.has(use.principleId))
      problems.push({
        path: `principles[${i}].principleId`,
        message: `unknown principle "${use.principleId}" in model ${modelRef}`,
      });
    else if (seenPrinciples.has(use.principleId))
      problems.push({
        path: `principles[${i}].principleId`,
        message: `principle "${use.principleId}" is listed twice`,
      });
    seenPrinciples.add(use.principleId);
  });

  if (input.stageId !== null && !stages.has(input.stageId)) {
    problems.push({ path: 'stageId', message: `unknown stage "${input.stageId}" in model ${modelRef}` });
  }
  return problems;
}

/** Checks an engagement's stage history against its model: known stages, dates in order, none before the start. */
export function checkStages(
  stages: { stageId: string; startedOn: string }[],
  model: PracticeModel,
  startDate: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const known = new Set(model.stages.map((s) => s.id));
  stages.forEach((stage, i) => {
    if (!known.has(stage.stageId))
      problems.push({
        path: `stages[${i}].stageId`,
        message: `unknown stage "${stage.stageId}" in model ${model.id}@${model.version}`,
      });
    if (stage.startedOn < startDate)
      problems.push({ path: `stages[${i}].startedOn`, message: `is before the engagement started (${startDate})` });
    const previous = stages[i - 1];
    if (previous && stage.startedOn < previous.startedOn)
      problems.push({
        path: `stages[${i}].startedOn`,
        message: `is before the previous stage began (${previous.startedOn})`,
      });
  });
  return problems;
}

/** The stage an engagement was in on a date: the last stage begun on or before it. */
export function stageOn(stages: { stageId: string; startedOn: string }[], date: string): string | null {
  let current: string | null = null;
  for (const stage of stages) if (stage.startedOn <= date) current = stage.stageId;
  return current;
}
