import type { HypothesisStatus } from '../../domain/hypotheses/lifecycle.ts';
import { HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import { HypothesisResult, type Evidence, type HypothesisRun } from '../../domain/hypotheses/schemas.ts';
import { readJsonColumn } from '../json-column.ts';
import type { HypothesisRunsTable } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';
import type { Executor } from './executor.ts';
import { recordMeta } from './partners.ts';
import { VersionedRepository, type VersionedMapping, type VersionedRecord } from './versioned.ts';

/** A hypothesis as stored: its registration, where it stands, and who locked or withdrew it when. */
export interface StoredHypothesis extends VersionedRecord {
  createdBy: string | null;
  status: HypothesisStatus;
  registration: HypothesisRegistration;
  lockedAt: string | null;
  lockedBy: string | null;
  contentHash: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}

export type HypothesisData = Omit<StoredHypothesis, keyof VersionedRecord>;

export const hypothesisMapping: VersionedMapping<'hypotheses', StoredHypothesis, HypothesisData> = {
  table: 'hypotheses',
  entity: 'hypothesis',
  label: 'Hypothesis',
  columns: (h) => ({
    created_by: h.createdBy,
    status: h.status,
    title: h.registration.title,
    model_id: h.registration.model.id,
    model_version: h.registration.model.version,
    link_id: h.registration.linkId,
    registration: JSON.stringify(h.registration),
    locked_at: h.lockedAt,
    locked_by: h.lockedBy,
    content_hash: h.contentHash,
    withdrawn_at: h.withdrawnAt,
    withdrawn_by: h.withdrawnBy,
    withdrawal_reason: h.withdrawalReason,
  }),
  fromRow: (r) => ({
    ...recordMeta(r),
    createdBy: r.created_by as string | null,
    status: r.status as HypothesisStatus,
    registration: readJsonColumn(HypothesisRegistration, r.registration as string, {
      table: 'hypotheses',
      column: 'registration',
      id: r.id,
    }),
    lockedAt: r.locked_at as string | null,
    lockedBy: r.locked_by as string | null,
    contentHash: r.content_hash as string | null,
    withdrawnAt: r.withdrawn_at as string | null,
    withdrawnBy: r.withdrawn_by as string | null,
    withdrawalReason: r.withdrawal_reason as string | null,
  }),
};

/** Hypotheses of one organization: versioned, every change (edit, lock, withdrawal) in the history. */
export class HypothesisRepository extends VersionedRepository<'hypotheses', StoredHypothesis, HypothesisData> {
  constructor(
    private readonly executor: Executor,
    private readonly orgId: string,
  ) {
    super(executor, orgId, hypothesisMapping);
  }

  /** Newest first; optionally only those on one model. */
  async list(filter: { modelId?: string } = {}): Promise<StoredHypothesis[]> {
    let query = this.executor
      .selectFrom('hypotheses')
      .selectAll()
      .where('organization_id', '=', this.orgId)
      .where('deleted_at', 'is', null);
    if (filter.modelId) query = query.where('model_id', '=', filter.modelId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map((r) => hypothesisMapping.fromRow(r as never));
  }
}

const toRun = (r: HypothesisRunsTable): HypothesisRun => ({
  id: r.id,
  hypothesisId: r.hypothesis_id,
  contentHash: r.content_hash,
  ranAt: r.ran_at,
  ranBy: r.ran_by,
  result: readJsonColumn(HypothesisResult, r.result, { table: 'hypothesis_runs', column: 'result', id: r.id }),
});

/** Runs of hypotheses: written once, never changed or deleted. */
export class HypothesisRunRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  async insert(
    hypothesisId: string,
    contentHash: string,
    result: HypothesisResult,
    actor: string | null,
  ): Promise<HypothesisRun> {
    const row: HypothesisRunsTable = {
      id: newId(),
      organization_id: this.organizationId,
      hypothesis_id: hypothesisId,
      content_hash: contentHash,
      ran_at: nowIso(),
      ran_by: actor,
      verdict: result.verdict,
      p: result.p,
      result: JSON.stringify(result),
    };
    await this.db.insertInto('hypothesis_runs').values(row).execute();
    return toRun(row);
  }

  /** The runs of one hypothesis, newest first. */
  async listFor(hypothesisId: string): Promise<HypothesisRun[]> {
    const rows = await this.db
      .selectFrom('hypothesis_runs')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .where('hypothesis_id', '=', hypothesisId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRun);
  }

  /** The latest run of every hypothesis that has one, by hypothesis id, without reading the results. */
  async latestVerdicts(): Promise<Map<string, { id: string; ranAt: string; verdict: Evidence; p: number | null }>> {
    const rows = await this.db
      .selectFrom('hypothesis_runs')
      .select(['id', 'hypothesis_id', 'ran_at', 'verdict', 'p'])
      .where('organization_id', '=', this.organizationId)
      .orderBy('id')
      .execute();
    const latest = new Map<string, { id: string; ranAt: string; verdict: Evidence; p: number | null }>();
    for (const r of rows)
      latest.set(r.hypothesis_id, {
        id: r.id,
        ranAt: r.ran_at,
        verdict: r.verdict as Evidence,
        p: r.p === null ? null : Number(r.p),
      });
    return latest;
  }
}
