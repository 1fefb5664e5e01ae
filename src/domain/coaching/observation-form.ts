import type { PracticeModel } from '../../model/schema.ts';

/** The observation form of a model version: what a coach looks for, component by component, and the principles. */
export interface ObservationForm {
  engagement: { id: string; name: string };
  model: { id: string; version: string; name: string };
  components: {
    id: string;
    name: string;
    definition: string;
    activities: { id: string; label: string; description: string }[];
  }[];
  principles: { id: string; name: string; description: string; indicators: string[] }[];
}

/** Generates the observation form from a model version, so any model (EIS theory of change, ISP Profile) gets one. */
export function observationForm(model: PracticeModel, engagement: { id: string; name: string }): ObservationForm {
  return {
    engagement,
    model: { id: model.id, version: model.version, name: model.name },
    components: model.components.map((c) => ({
      id: c.id,
      name: c.name,
      definition: c.definition,
      activities: c.activities.map((a) => ({ id: a.id, label: a.label, description: a.description })),
    })),
    principles: model.principles.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      indicators: [...(p.indicators ?? [])],
    })),
  };
}
