import {
  buildHypothesisDataset,
  linkEvidence,
  runHypothesis,
  type DatasetInput,
} from '../../analysis/hypotheses/index.ts';
import { registrationHash } from '../../domain/hypotheses/content-hash.ts';
import {
  assertEditable,
  assertLockable,
  assertRunnable,
  assertWithdrawable,
} from '../../domain/hypotheses/lifecycle.ts';
import { registrationProblems, type HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import type { Hypothesis, HypothesisRun, ModelEvidence } from '../../domain/hypotheses/schemas.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { nowIso } from '../../store/ids.ts';
import type { HypothesisData, StoredHypothesis } from '../../store/repositories/hypotheses.ts';
import type { Store, TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/operations.ts';
import { engagementsObservations } from '../measurement/observations.ts';
import { requireModel } from '../models/operations.ts';

/** Hypothesis use cases: register and edit drafts, lock, withdraw, run, and the evidence per model link. */

async function checkRegistration(tenant: TenantStore, registration: HypothesisRegistration): Promise<void> {
  const model = await modelOf(tenant, registration.model.id, registration.model.version, 'model');
  const problems = registrationProblems(registration, model);
  if (problems.length > 0) throw invalid('The hypothesis registration is not valid', problems);
}

/** The stored fields a write replaces, without the bookkeeping ones the repository keeps. */
function dataOf(hypothesis: StoredHypothesis): HypothesisData {
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

async function withLatestRun(tenant: TenantStore, stored: StoredHypothesis[]): Promise<Hypothesis[]> {
  const latest = await tenant.hypothesisRuns.latestVerdicts();
  return stored.map(({ deletedAt: _deleted, ...h }) => ({ ...h, latestRun: latest.get(h.id) ?? null }));
}

export async function listHypotheses(tenant: TenantStore, filter: { modelId?: string } = {}): Promise<Hypothesis[]> {
  return withLatestRun(tenant, await tenant.hypotheses.list(filter));
}

export async function showHypothesis(tenant: TenantStore, id: string): Promise<Hypothesis> {
  const [hypothesis] = await withLatestRun(tenant, [await tenant.hypotheses.require(id)]);
  return hypothesis!;
}

/** Registers a draft: checked against its model, editable until locked. */
export function registerHypothesis(
  store: Store,
  organizationId: string,
  registration: HypothesisRegistration,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    await checkRegistration(tenant, registration);
    const created = await tenant.hypotheses.insert(
      {
        createdBy: actor,
        status: 'draft',
        registration,
        lockedAt: null,
        lockedBy: null,
        contentHash: null,
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawalReason: null,
      },
      actor,
    );
    return showHypothesis(tenant, created.id);
  });
}

/** Replaces a draft's registration; a locked or withdrawn hypothesis is refused with 409. */
export function updateHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  registration: HypothesisRegistration,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.hypotheses.require(id);
    assertEditable(current);
    await checkRegistration(tenant, registration);
    await tenant.hypotheses.update(id, version, { ...dataOf(current), registration }, actor);
    return showHypothesis(tenant, id);
  });
}

/** Locks a draft: records the time and the SHA-256 of its canonical JSON; it never changes after. */
export function lockHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.hypotheses.require(id);
    assertLockable(current);
    await checkRegistration(tenant, current.registration);
    await tenant.hypotheses.update(
      id,
      version,
      {
        ...dataOf(current),
        status: 'locked',
        lockedAt: nowIso(),
        lockedBy: actor,
        contentHash: await registrationHash(current.registration),
      },
      actor,
    );
    return showHypothesis(tenant, id);
  });
}

/** Withdraws a hypothesis with a reason; it keeps its history and runs but is run no more. */
export function withdrawHypothesis(
  store: Store,
  organizationId: string,
  id: string,
  version: number,
  reason: string,
  actor: string,
): Promise<Hypothesis> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const current = await tenant.hypotheses.require(id);
    assertWithdrawable(current);
    await tenant.hypotheses.update(
      id,
      version,
      { ...dataOf(current), status: 'withdrawn', withdrawnAt: nowIso(), withdrawnBy: actor, withdrawalReason: reason },
      actor,
    );
    return showHypothesis(tenant, id);
  });
}

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

export async function listRuns(tenant: TenantStore, id: string): Promise<HypothesisRun[]> {
  await tenant.hypotheses.require(id);
  return tenant.hypothesisRuns.listFor(id);
}

/** The evidence on every link of a model version, from the latest run of each locked hypothesis on it. */
export async function modelEvidence(tenant: TenantStore, modelRef: string): Promise<ModelEvidence> {
  const model = await requireModel(tenant, modelRef);
  const hypotheses = await listHypotheses(tenant, { modelId: model.id });
  const sources = hypotheses.map((h) => ({
    id: h.id,
    title: h.registration.title,
    linkId: h.registration.linkId,
    status: h.status,
    latestRun: h.latestRun,
  }));
  return {
    modelId: model.id,
    version: model.version,
    links: linkEvidence(
      model.links.map((l) => l.id),
      sources,
    ),
  };
}
