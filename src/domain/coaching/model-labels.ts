import type { PracticeModel } from '../../model/schema.ts';

/** The words a model version gives the components and practice activities that coaching records rate by id. */
export interface ModelLabels {
  modelId: string;
  modelVersion: string;
  components: { id: string; name: string; activities: { id: string; label: string }[] }[];
}

export function modelLabels(model: PracticeModel): ModelLabels {
  return {
    modelId: model.id,
    modelVersion: model.version,
    components: model.components.map((c) => ({
      id: c.id,
      name: c.name,
      activities: c.activities.map((a) => ({ id: a.id, label: a.label })),
    })),
  };
}

/** The label of a component and of an activity in the labels of a model version; the id when it has none. */
export function labelsOf(labels: ModelLabels | undefined) {
  const component = (componentId: string) => labels?.components.find((c) => c.id === componentId);
  return {
    component: (componentId: string): string => component(componentId)?.name ?? componentId,
    activity: (componentId: string, activityId: string): string =>
      component(componentId)?.activities.find((a) => a.id === activityId)?.label ?? activityId,
  };
}
