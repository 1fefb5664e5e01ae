/** Hypothesis tests of the model's links: the analysis data set, the registered test and the evidence per link. */
export {
  buildHypothesisDataset,
  type DatasetEngagement,
  type DatasetInput,
  type DatasetScore,
  type DatasetWave,
  type EngagementRow,
  type HypothesisDataset,
  type UnitRow,
} from './dataset.ts';
export { doseGroups, methodReferences, runHypothesis, verdictOf } from './run.ts';
export { combineEvidence, linkEvidence, type HypothesisEvidenceSource } from './evidence.ts';
