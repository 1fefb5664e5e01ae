import type { PracticeModel } from './schema.ts';

/** The kinds of element a model holds; activities are keyed `componentId/activityId`, all others by their id. */
export type ElementKind =
  'stage' | 'componentGroup' | 'component' | 'principle' | 'construct' | 'outcome' | 'link' | 'activity';

/** The model's top-level element lists, in document order, with the kind each holds. All share one id namespace. */
export const ELEMENT_SECTIONS = [
  ['stages', 'stage'],
  ['componentGroups', 'componentGroup'],
  ['components', 'component'],
  ['principles', 'principle'],
  ['constructs', 'construct'],
  ['outcomes', 'outcome'],
  ['links', 'link'],
] as const satisfies ReadonlyArray<readonly [keyof PracticeModel, ElementKind]>;

/** How a kind reads in a message: "component group", not "componentGroup". */
export const ELEMENT_KIND_LABEL: Record<ElementKind, string> = {
  stage: 'stage',
  componentGroup: 'component group',
  component: 'component',
  principle: 'principle',
  construct: 'construct',
  outcome: 'outcome',
  link: 'link',
  activity: 'practice activity',
};

/** The key under which a practice activity is recorded and mapped across versions. */
export function activityKey(componentId: string, activityId: string): string {
  return `${componentId}/${activityId}`;
}

/** Every element key of a model (top-level ids and `componentId/activityId` keys) with its kind. */
export function elementKeys(model: PracticeModel): Map<string, ElementKind> {
  const keys = new Map<string, ElementKind>();
  for (const [section, kind] of ELEMENT_SECTIONS) {
    for (const element of model[section]) if (!keys.has(element.id)) keys.set(element.id, kind);
  }
  for (const component of model.components) {
    for (const activity of component.activities) keys.set(activityKey(component.id, activity.id), 'activity');
  }
  return keys;
}
