import type { ErrorDetail } from '../errors.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { ComponentRating, PrincipleObservation } from './schemas.ts';

/**
 * The problems of a set of component ratings under a model version: each component and activity must
 * be the model's, each rated once. `prefix` is the field the ratings came in, so the message names it.
 */
export function ratingProblems(ratings: ComponentRating[], model: PracticeModel, prefix = 'ratings'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const components = new Map(model.components.map((c) => [c.id, c]));
  const seen = new Set<string>();
  ratings.forEach((rating, i) => {
    const at = `${prefix}[${i}]`;
    const component = components.get(rating.componentId);
    if (!component) {
      problems.push({
        path: `${at}.componentId`,
        message: `"${rating.componentId}" is not a component of ${model.id}@${model.version}`,
      });
      return;
    }
    if (seen.has(component.id))
      problems.push({ path: `${at}.componentId`, message: `"${component.id}" is rated more than once` });
    seen.add(component.id);
    const activities = new Set(component.activities.map((a) => a.id));
    const rated = new Set<string>();
    rating.activities.forEach((activity, j) => {
      const path = `${at}.activities[${j}].activityId`;
      if (!activities.has(activity.activityId))
        problems.push({
          path,
          message: `"${activity.activityId}" is not a practice activity of ${component.id} in ${model.id}@${model.version}`,
        });
      else if (rated.has(activity.activityId))
        problems.push({ path, message: `"${activity.activityId}" is rated more than once` });
      rated.add(activity.activityId);
    });
  });
  return problems;
}

/** The problems of principle observations under a model version. */
export function principleProblems(observations: PrincipleObservation[], model: PracticeModel): ErrorDetail[] {
  const principles = new Set(model.principles.map((p) => p.id));
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  observations.forEach((o, i) => {
    const path = `principles[${i}].principleId`;
    if (!principles.has(o.principleId))
      problems.push({ path, message: `"${o.principleId}" is not a principle of ${model.id}@${model.version}` });
    else if (seen.has(o.principleId)) problems.push({ path, message: `"${o.principleId}" is observed more than once` });
    seen.add(o.principleId);
  });
  return problems;
}

/** Component ids that are not among `known` (the organization's models' components), each named by its place in `field`. */
export function componentIdProblems(ids: string[], known: ReadonlySet<string>, field: string): ErrorDetail[] {
  return ids.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `${field}[${i}]`, message: `"${id}" is not a component of any practice model here` }],
  );
}

/** The problems of a self-assessment's answers: one 1–5 rating per component of the model, no other keys. */
export function selfAssessmentProblems(ratings: Record<string, number>, model: PracticeModel): ErrorDetail[] {
  const known = new Set(model.components.map((c) => c.id));
  const problems: ErrorDetail[] = Object.keys(ratings)
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `ratings.${id}`, message: `"${id}" is not a component of ${model.id}@${model.version}` }));
  if (Object.keys(ratings).length === 0) problems.push({ path: 'ratings', message: 'rate at least one component' });
  return problems;
}
