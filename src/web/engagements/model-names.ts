import type { EngagementOverview } from '../../domain/support/views.ts';

type ModelSummary = EngagementOverview['model'];

/** `capacity-building` → `Capacity-building`: group ids double as names in the built-in models. */
export const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Looks up the display name of any id of the model: component, activity, principle, stage or group. */
export function modelNames(model: ModelSummary): (id: string) => string | undefined {
  const names = new Map<string, string>();
  for (const group of model.componentGroups) names.set(group.id, sentenceCase(group.name));
  for (const stage of model.stages) names.set(stage.id, stage.name);
  for (const principle of model.principles) names.set(principle.id, principle.name);
  for (const component of model.components) {
    names.set(component.id, component.name);
    for (const activity of component.activities) if (!names.has(activity.id)) names.set(activity.id, activity.label);
  }
  return (id) => names.get(id);
}

export const modeLabel = (mode: string): string => (mode === 'in-person' ? 'In person' : sentenceCase(mode));
