/** The statistics of Praxis: each test and model checked against R on committed fixtures. */
export {
  cohenKappa,
  type CategoryRating,
  type CohenKappaOptions,
  type CohenKappaResult,
  type KappaEstimate,
} from './cohen-kappa.ts';
export {
  intraclassCorrelation,
  type IccRow,
  type IccType,
  type IntraclassCorrelationResult,
} from './intraclass-correlation.ts';
export { kruskalWallis, type KruskalWallisResult } from './kruskal-wallis.ts';
export {
  fitRandomInterceptModel,
  type FixedEffect,
  type GroupedRegressionInput,
  type RandomInterceptModelResult,
} from './linear-mixed-model.ts';
export { mannWhitney, type MannWhitneyOptions, type MannWhitneyResult } from './mann-whitney.ts';
export {
  olsClusterRobust,
  type ClusteredRegressionInput,
  type ClusterRobustOlsResult,
  type RegressionCoefficient,
} from './ols-cluster-robust.ts';
export { adjustPValues, type PAdjustMethod, type PAdjustResult } from './p-adjust.ts';
export type { Alternative, ConfidenceInterval, EffectSize } from './result.ts';
export type { Predictor } from './design-matrix.ts';
export { spearman, type SpearmanOptions, type SpearmanPBranch, type SpearmanResult } from './spearman.ts';
export {
  wilcoxonSignedRank,
  type WilcoxonSignedRankOptions,
  type WilcoxonSignedRankResult,
} from './wilcoxon-signed-rank.ts';
