/** Outcome change between waves and outcome trajectories, per outcome, level and score. */
export {
  MIN_PAIRS_FOR_TEST,
  PAIRED_TEST_REFERENCE,
  orderWaves,
  outcomeChange,
  outcomeTrajectories,
  pairedChange,
  type OutcomeChange,
  type OutcomeChangeReport,
  type OutcomeObservation,
  type OutcomeSource,
  type OutcomeTrajectory,
  type OutcomeWave,
  type PairedChange,
  type PairedTest,
  type TrajectoryPoint,
  type WaveKind,
} from './outcome-change.ts';
export { observationsFromScores } from './observations.ts';
export { outcomeSeries } from './outcome-series.ts';
