import { ListOf } from '../../domain/accounts/schemas.ts';
import type { HypothesisRegistrationInput } from '../../domain/hypotheses/registration.ts';
import { Hypothesis, HypothesisRun, ModelEvidence } from '../../domain/hypotheses/schemas.ts';
import { apiGet, apiRequest, segment } from '../api/client.ts';
import { fetchModelDiagram } from '../api/practice-models.ts';

const base = (orgId: string): string => `/api/orgs/${segment(orgId)}/hypotheses`;
const one = (orgId: string, id: string): string => `${base(orgId)}/${segment(id)}`;

export const hypothesisKeys = {
  all: (orgId: string) => ['orgs', orgId, 'hypotheses'] as const,
  one: (orgId: string, id: string) => ['orgs', orgId, 'hypotheses', id] as const,
  runs: (orgId: string, id: string) => ['orgs', orgId, 'hypotheses', id, 'runs'] as const,
  evidence: (orgId: string, modelId: string) => ['orgs', orgId, 'hypotheses', 'evidence', modelId] as const,
};

export const listHypotheses = async (orgId: string, signal?: AbortSignal): Promise<Hypothesis[]> =>
  (await apiGet(base(orgId), ListOf(Hypothesis), signal)).items;
export const getHypothesis = (orgId: string, id: string, signal?: AbortSignal): Promise<Hypothesis> =>
  apiGet(one(orgId, id), Hypothesis, signal);
export const listRuns = async (orgId: string, id: string, signal?: AbortSignal): Promise<HypothesisRun[]> =>
  (await apiGet(`${one(orgId, id)}/runs`, ListOf(HypothesisRun), signal)).items;
export const registerHypothesis = (orgId: string, registration: HypothesisRegistrationInput): Promise<Hypothesis> =>
  apiRequest('POST', base(orgId), { body: registration, schema: Hypothesis });
export const lockHypothesis = (orgId: string, id: string, version: number): Promise<Hypothesis> =>
  apiRequest('POST', `${one(orgId, id)}/lock`, { body: { version }, schema: Hypothesis });
export const withdrawHypothesis = (orgId: string, id: string, version: number, reason: string): Promise<Hypothesis> =>
  apiRequest('POST', `${one(orgId, id)}/withdraw`, { body: { version, reason }, schema: Hypothesis });
export const runHypothesis = (orgId: string, id: string): Promise<HypothesisRun> =>
  apiRequest('POST', `${one(orgId, id)}/runs`, { schema: HypothesisRun });
export const getModelEvidence = (orgId: string, modelId: string, signal?: AbortSignal): Promise<ModelEvidence> =>
  apiGet(`/api/orgs/${segment(orgId)}/models/${segment(modelId)}/evidence`, ModelEvidence, signal);

/** The model diagram with each link coloured by the evidence of its hypotheses, as SVG text. */
export const fetchEvidenceDiagram = (
  orgId: string,
  modelId: string,
  version: string,
  signal?: AbortSignal,
): Promise<string> => fetchModelDiagram(orgId, modelId, version, 'evidence', signal);
