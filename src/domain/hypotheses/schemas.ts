import { z } from 'zod';
import { hypothesisDirections, HypothesisRegistration } from './registration.ts';
import { hypothesisStatuses } from './lifecycle.ts';

/** Shapes of the hypotheses API, shared by the server, the CLI and the web client. */

/** What the evidence of a run, or of all runs on a link, says about the link. */
export const evidenceLevels = ['supported', 'contradicted', 'inconclusive', 'untested'] as const;
export const Evidence = z.enum(evidenceLevels);
export type Evidence = z.infer<typeof Evidence>;

const Interval = z.object({ level: z.number(), lower: z.number(), upper: z.number() });

/** One run's result, read against the registration. Every number is finite; what cannot be computed is null. */
export const HypothesisResult = z.object({
  /** `insufficient-data` when the data do not allow the registered test; `message` says why. */
  outcome: z.enum(['completed', 'insufficient-data']),
  verdict: Evidence,
  /** One sentence: what was found, against what was registered. */
  summary: z.string(),
  message: z.string().nullable(),
  method: z.string(),
  reference: z.string(),
  /** Rows analysed: engagements for the rank tests, measured units for the regressions. */
  n: z.number().int(),
  engagements: z.number().int(),
  /** Engagements as clusters (OLS) or groups (mixed model); null for the engagement-level tests. */
  clusters: z.number().int().nullable(),
  statistic: z.object({ name: z.string(), value: z.number(), df: z.number().nullable() }).nullable(),
  /** Two-sided p-value of the registered test. */
  p: z.number().nullable(),
  alpha: z.number(),
  significant: z.boolean().nullable(),
  direction: z.object({
    registered: z.enum(hypothesisDirections),
    observed: z.enum(['positive', 'negative', 'none']).nullable(),
    /** null for a two-sided hypothesis, or when no direction could be observed. */
    matched: z.boolean().nullable(),
  }),
  effect: z.object({ name: z.string(), value: z.number(), ci: Interval.nullable() }).nullable(),
  otherEffects: z.array(z.object({ name: z.string(), value: z.number() })),
  coefficients: z.array(z.object({ term: z.string(), estimate: z.number(), se: z.number(), p: z.number().nullable() })),
  groups: z.array(z.object({ label: z.string(), engagements: z.number().int() })),
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
  dataset: z.object({
    engagementsConsidered: z.number().int(),
    engagementsUsed: z.number().int(),
    units: z.number().int(),
    excluded: z.array(z.object({ reason: z.string(), engagements: z.number().int() })),
  }),
});
export type HypothesisResult = z.infer<typeof HypothesisResult>;

export const RunSummary = z.object({ id: z.string(), ranAt: z.string(), verdict: Evidence, p: z.number().nullable() });
export type RunSummary = z.infer<typeof RunSummary>;

export const Hypothesis = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(hypothesisStatuses),
  registration: HypothesisRegistration,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  /** SHA-256 of the RFC 8785 canonical JSON of the registration, set when locked. */
  contentHash: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  latestRun: RunSummary.nullable(),
});
export type Hypothesis = z.infer<typeof Hypothesis>;

export const HypothesisRun = z.object({
  id: z.string(),
  hypothesisId: z.string(),
  /** The hash of the registration the run read, equal to the hypothesis's. */
  contentHash: z.string(),
  ranAt: z.string(),
  ranBy: z.string().nullable(),
  result: HypothesisResult,
});
export type HypothesisRun = z.infer<typeof HypothesisRun>;

/** A draft edit names the version it started from, so a stale edit is refused. */
export const HypothesisUpdate = z.strictObject({
  version: z.number().int().min(1),
  registration: HypothesisRegistration,
});
export const HypothesisLock = z.strictObject({ version: z.number().int().min(1) });
export const HypothesisWithdrawal = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, 'say why the hypothesis is withdrawn').max(2000),
});

export const LinkEvidence = z.object({
  linkId: z.string(),
  evidence: Evidence,
  hypotheses: z.array(z.object({ id: z.string(), title: z.string(), verdict: Evidence, ranAt: z.string().nullable() })),
});
export type LinkEvidence = z.infer<typeof LinkEvidence>;

export const ModelEvidence = z.object({ modelId: z.string(), version: z.string(), links: z.array(LinkEvidence) });
export type ModelEvidence = z.infer<typeof ModelEvidence>;

/** How the diagram and the web draw each level of evidence. */
export const evidenceColors: Record<Evidence, string> = {
  supported: '#15803d',
  contradicted: '#b91c1c',
  inconclusive: '#ca8a04',
  untested: '#94a3b8',
};
