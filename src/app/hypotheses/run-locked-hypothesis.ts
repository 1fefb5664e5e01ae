import { buildHypothesisDataset, runHypothesis, type DatasetInput } from '../../analysis/hypotheses/index.ts';
import { registrationHash } from '../../domain/hypotheses/content-hash.ts';
import { assertRunnable } from '../../domain/hypotheses/lifecycle.ts';
import { type HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import type { HypothesisRun } from '../../domain/hypotheses/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { engagementsObservations } from '../measurement/observations.ts';

/** What a hypothesis is tested on: the engagements on its model, their dose rollups, waves and score observations. */
async function datasetInput(tenant: TenantStore, registration: HypothesisRegistration): Promise<DatasetInput> {
  const engagements = (await tenant.engagements.list()).filter((e) => e.modelId === registration.model.id);
  const componentMonths = await tenant.dose.componentMonths();
  const ids = new Set(engagements.map((e) => e.id));
  const measured = await engagementsObservations(
    tenant,
    engagements.map((e) => e.id),
  );
  return {
    engagements: engagements.map((e) => ({ id: e.id, startDate: e.startDate })),
    componentMonths: componentMonths.filter((m) => ids.has(m.engagementId)),
    waves: measured.flatMap(({ engagementId, outcomeWaves }) => outcomeWaves.map((w) => ({ ...w, engagementId }))),
    scores: measured.flatMap((m) => m.observations),
  };
}

/** Runs a locked hypothesis on the organization's data now and keeps the run. */
export function runLockedHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  actor: string,
): Promise<HypothesisRun> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const hypothesis = await tenant.hypotheses.require(id);
    assertRunnable(hypothesis);
    const hash = await registrationHash(hypothesis.registration);
    if (hash !== hypothesis.contentHash)
      throw new AppError(
        'internal',
        `The stored registration no longer matches its content hash (${hypothesis.contentHash}); it was altered outside Praxis`,
      );
    const result = runHypothesis(
      hypothesis.registration,
      buildHypothesisDataset(hypothesis.registration, await datasetInput(tenant, hypothesis.registration)),
    );
    return tenant.hypothesisRuns.insert(id, hash, result, actor);
  });
}
