import { outcomesReachableFrom, stagesEmphasizing } from '../../model/graph.ts';
import type { Component, Construct, Outcome, PracticeModel, Stage } from '../../model/schema.ts';

/** One outcome a component reaches, with the shortest chain of elements that leads there. */
export interface ReachedOutcomeSummary {
  outcome: Outcome;
  /** Names along the shortest path, the component first and the outcome last. */
  shortestPath: string[];
  pathCount: number;
}

/** Everything the model page shows about one component, resolved from ids to elements. */
export interface ComponentProfile {
  component: Component;
  mechanisms: Construct[];
  targetOutcomes: Outcome[];
  stages: Stage[];
  reachable: ReachedOutcomeSummary[];
}

/** Resolves a component's references and reads its place in the graph (stage emphasis, outcomes reachable). */
export function componentProfile(model: PracticeModel, component: Component): ComponentProfile {
  const constructs = new Map(model.constructs.map((construct) => [construct.id, construct]));
  const outcomes = new Map(model.outcomes.map((outcome) => [outcome.id, outcome]));
  const names = new Map<string, string>();
  for (const element of [...model.components, ...model.constructs, ...model.outcomes])
    names.set(element.id, element.name);
  return {
    component,
    mechanisms: component.mechanisms.flatMap((id) => constructs.get(id) ?? []),
    targetOutcomes: component.targetOutcomes.flatMap((id) => outcomes.get(id) ?? []),
    stages: stagesEmphasizing(model, component.id),
    reachable: outcomesReachableFrom(model, component.id, { maxPaths: 5 }).map(({ outcome, paths }) => ({
      outcome,
      shortestPath: (paths[0]?.elements ?? []).map((id) => names.get(id) ?? id),
      pathCount: paths.length,
    })),
  };
}

/** The model's components under their groups, in document order; components of an unknown group come last. */
export function componentsByGroup(
  model: PracticeModel,
): Array<{ id: string; name: string; description?: string | undefined; components: Component[] }> {
  const groups = model.componentGroups.map((group) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    components: model.components.filter((component) => component.group === group.id),
  }));
  const known = new Set(model.componentGroups.map((group) => group.id));
  const ungrouped = model.components.filter((component) => !known.has(component.group));
  if (ungrouped.length > 0)
    groups.push({ id: '', name: 'Other components', description: undefined, components: ungrouped });
  return groups.filter((group) => group.components.length > 0);
}
