/**
 * The practice-model engine: schema and types, built-in models, validation, text formats, graph queries,
 * versions and the theory-of-change diagram. Pure: no I/O, runs in Node and in the browser.
 */
export * from './schema.ts';
export { builtinModels, DEFAULT_MODEL_ID, eisToc, ispProfile } from './builtin/index.ts';
export { validateModel, validateSuccessor, type ModelValidation } from './validate.ts';
export {
  detectModelFormat,
  formatModel,
  parseModelText,
  type ModelTextFormat,
  type ParsedModelText,
} from './format.ts';
export {
  componentsEmphasizedAt,
  componentsReaching,
  linksBetween,
  outcomesReachableFrom,
  stagesEmphasizing,
  type ModelPath,
  type PathOptions,
  type ReachedOutcome,
  type ReachingComponent,
} from './graph.ts';
export {
  compareVersions,
  createIdMapper,
  formatModelRef,
  isSemver,
  mapElementId,
  parseModelRef,
  removedElementKeys,
  resolveModelRef,
  versionLine,
  type ModelRef,
} from './versions.ts';
export { activityKey, ELEMENT_KIND_LABEL, ELEMENT_SECTIONS, elementKeys, type ElementKind } from './elements.ts';
export { renderModelDiagram, escapeXml, type DiagramOptions, type LinkOverlayValue } from './diagram.ts';
export { modelJsonSchema, modelJsonSchemaText, MODEL_JSON_SCHEMA_PATH } from './json-schema.ts';
export { formatIssuePath } from './issue-path.ts';
export { provenanceSummary, type ProvenanceCount } from './provenance.ts';
