import type { Component, Link, Outcome, PracticeModel, Stage } from './schema.ts';

/** A chain of links through the model, with the ids it visits in order (a link's `via` construct included). */
export interface ModelPath {
  links: Link[];
  elements: string[];
}

/** An outcome a component reaches, with the paths that lead there, shortest first. */
export interface ReachedOutcome {
  outcome: Outcome;
  paths: ModelPath[];
}

/** A component that reaches an outcome, with the paths that lead there, shortest first. */
export interface ReachingComponent {
  component: Component;
  paths: ModelPath[];
}

export interface PathOptions {
  /** Most paths kept per outcome (default 20); the shortest are kept. */
  maxPaths?: number;
}

// Bounds the search on large, densely linked models; path counts can grow exponentially with links.
const MAX_EXPANSIONS = 50_000;

function linksByFrom(model: PracticeModel): Map<string, Link[]> {
  const byFrom = new Map<string, Link[]>();
  for (const link of model.links) byFrom.set(link.from, [...(byFrom.get(link.from) ?? []), link]);
  return byFrom;
}

const byLength = (a: ModelPath, b: ModelPath) =>
  a.links.length - b.links.length || a.elements.join('\u0000').localeCompare(b.elements.join('\u0000'));

/** Outcomes reachable from a component along the model's links, in model order, each with its simple paths. */
export function outcomesReachableFrom(
  model: PracticeModel,
  componentId: string,
  options: PathOptions = {},
): ReachedOutcome[] {
  const maxPaths = options.maxPaths ?? 20;
  const outcomeIds = new Set(model.outcomes.map((outcome) => outcome.id));
  const byFrom = linksByFrom(model);
  const found = new Map<string, ModelPath[]>();
  let expansions = 0;

  const walk = (at: string, links: Link[], elements: string[]) => {
    for (const link of byFrom.get(at) ?? []) {
      if (elements.includes(link.to) || (link.via !== undefined && elements.includes(link.via))) continue;
      if (++expansions > MAX_EXPANSIONS) return;
      const path: ModelPath = {
        links: [...links, link],
        elements: link.via === undefined ? [...elements, link.to] : [...elements, link.via, link.to],
      };
      if (outcomeIds.has(link.to)) found.set(link.to, [...(found.get(link.to) ?? []), path]);
      walk(link.to, path.links, path.elements);
    }
  };
  walk(componentId, [], [componentId]);

  return model.outcomes
    .filter((outcome) => found.has(outcome.id))
    .map((outcome) => ({ outcome, paths: (found.get(outcome.id) ?? []).sort(byLength).slice(0, maxPaths) }));
}

/** Components from which an outcome is reachable, in model order, each with its paths to the outcome. */
export function componentsReaching(
  model: PracticeModel,
  outcomeId: string,
  options: PathOptions = {},
): ReachingComponent[] {
  const reaching: ReachingComponent[] = [];
  for (const component of model.components) {
    const reached = outcomesReachableFrom(model, component.id, options).find((entry) => entry.outcome.id === outcomeId);
    if (reached) reaching.push({ component, paths: reached.paths });
  }
  return reaching;
}

/** The components a stage is expected to emphasize, in the stage's order; empty for an unknown stage. */
export function componentsEmphasizedAt(model: PracticeModel, stageId: string): Component[] {
  const stage = model.stages.find((candidate) => candidate.id === stageId);
  if (!stage) return [];
  const byId = new Map(model.components.map((component) => [component.id, component]));
  return stage.emphasizes.flatMap((id) => byId.get(id) ?? []);
}

/** The stages that emphasize a component, in stage order: the component's emphasis per stage. */
export function stagesEmphasizing(model: PracticeModel, componentId: string): Stage[] {
  return model.stages.filter((stage) => stage.emphasizes.includes(componentId));
}

/**
 * Links that connect two elements directly, in either direction. A link through a construct connects its
 * start to the construct and the construct to its end, as well as its start to its end.
 */
export function linksBetween(model: PracticeModel, a: string, b: string): Link[] {
  const connects = (link: Link, x: string, y: string) =>
    (link.from === x && link.to === y) ||
    (link.via !== undefined && ((link.from === x && link.via === y) || (link.via === x && link.to === y)));
  return model.links.filter((link) => connects(link, a, b) || connects(link, b, a));
}
