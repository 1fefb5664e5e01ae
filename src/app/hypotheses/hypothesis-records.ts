import { registrationProblems, type HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import type { Hypothesis } from '../../domain/hypotheses/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { HypothesisData, StoredHypothesis } from '../../store/repositories/hypotheses.ts';
import type { TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/engagement-records.ts';

/** Hypothesis use cases: register and edit drafts, lock, withdraw, run, and the evidence per model link. */

export async function checkRegistration(tenant: TenantStore, registration: HypothesisRegistration): Promise<void> {
  const model = await modelOf(tenant, registration.model.id, registration.model.version, 'model');
  const problems = registrationProblems(registration, model);
  if (problems.length > 0) throw invalid('The hypothesis registration is not valid', problems);
}

/** The stored fields a write replaces, without the bookkeeping ones the repository keeps. */
export function dataOf(hypothesis: StoredHypothesis): HypothesisData {
  const {
    id: _id,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    deletedAt: _deleted,
    ...data
  } = hypothesis;
  return data;
}

export async function withLatestRun(tenant: TenantStore, stored: StoredHypothesis[]): Promise<Hypothesis[]> {
  const latest = await tenant.hypothesisRuns.latestVerdicts();
  return stored.map(({ deletedAt: _deleted, ...h }) => ({ ...h, latestRun: latest.get(h.id) ?? null }));
}
