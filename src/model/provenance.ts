import { ELEMENT_SECTIONS, type ElementKind } from './elements.ts';
import type { PracticeModel, Provenance } from './schema.ts';

/** How many elements of one kind are published and how many operationalized. */
export interface ProvenanceCount {
  kind: ElementKind;
  published: number;
  operationalized: number;
}

/**
 * Counts published and operationalized elements per kind (activities included), in document order of kinds,
 * so that the UI and reports can state plainly which parts of a model come from its source.
 */
export function provenanceSummary(model: PracticeModel): ProvenanceCount[] {
  const count = (kind: ElementKind, elements: ReadonlyArray<{ provenance: Provenance }>): ProvenanceCount => ({
    kind,
    published: elements.filter((element) => element.provenance === 'published').length,
    operationalized: elements.filter((element) => element.provenance === 'operationalized').length,
  });
  const counts = ELEMENT_SECTIONS.map(([section, kind]) => count(kind, model[section]));
  const activities = count(
    'activity',
    model.components.flatMap((component) => component.activities),
  );
  const afterComponents = counts.findIndex((entry) => entry.kind === 'component') + 1;
  return [...counts.slice(0, afterComponents), activities, ...counts.slice(afterComponents)];
}
