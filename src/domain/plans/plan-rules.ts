import type { PracticeModel } from '../../model/schema.ts';
import type { ErrorDetail } from '../errors.ts';
import type { StagePlanInput } from './schemas.ts';

export interface StagePlanContext {
  model: PracticeModel;
  /** User ids of the organization's members: the people who may own a planned activity. */
  memberIds: ReadonlySet<string>;
}

/**
 * Checks a stage plan against the engagement's model version and the organization's members. Returns
 * every problem at once, each at its field path; an empty list means the plan may be saved.
 */
export function checkStagePlan(input: StagePlanInput, { model, memberIds }: StagePlanContext): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const ref = `${model.id}@${model.version}`;
  if (!model.stages.some((stage) => stage.id === input.stageId))
    problems.push({ path: 'stageId', message: `unknown stage "${input.stageId}" in model ${ref}` });

  const components = new Map(model.components.map((c) => [c.id, new Set(c.activities.map((a) => a.id))]));
  const planned = new Map<string, number>();
  input.emphasis.forEach((entry, i) => {
    const path = `emphasis[${i}].componentId`;
    const first = planned.get(entry.componentId);
    if (first !== undefined)
      problems.push({ path, message: `"${entry.componentId}" is planned twice (first at emphasis[${first}])` });
    else if (!components.has(entry.componentId))
      problems.push({ path, message: `unknown component "${entry.componentId}" in model ${ref}` });
    planned.set(entry.componentId, i);
  });

  input.activities.forEach((activity, i) => {
    if (activity.activityKey === null) {
      if (activity.text === '')
        problems.push({
          path: `activities[${i}].text`,
          message: 'is required when no practice activity of the model is chosen',
        });
    } else {
      const [componentId = '', activityId] = activity.activityKey.split('/');
      const activities = components.get(componentId);
      if (activityId === undefined || !activities?.has(activityId))
        problems.push({
          path: `activities[${i}].activityKey`,
          message: `unknown practice activity "${activity.activityKey}" in model ${ref}`,
        });
    }
    if (!memberIds.has(activity.ownerId))
      problems.push({
        path: `activities[${i}].ownerId`,
        message: `"${activity.ownerId}" is not a member of this organization`,
      });
  });
  return problems;
}

/** A stage plan's emphasis drafted from the stage's typical components in the model (empty when it names none). */
export function defaultEmphasis(model: PracticeModel, stageId: string): StagePlanInput['emphasis'] {
  const stage = model.stages.find((s) => s.id === stageId);
  return (stage?.typicalComponents ?? []).map((typical) => ({
    componentId: typical.component,
    minutesPerMonth: typical.minutesPerMonth ?? 0,
  }));
}
