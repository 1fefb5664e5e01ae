import type { Kysely } from 'kysely';
import { diffRecords } from '../../domain/history.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { newId, nowIso } from '../ids.ts';
import { recordHistory } from './history.ts';
import type { Executor } from './executor.ts';
import { insertRowsPrepared, runPrepared } from './prepared.ts';

export interface VersionedRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

interface MetaRow {
  id: string;
  organization_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** How one kind of record maps to its table. `columns` holds every column but the shared bookkeeping ones. */
export interface VersionedMapping<T extends VersionedRecord, Data> {
  table: 'partners' | 'contacts' | 'engagements' | 'interactions' | 'hypotheses' | 'measurement_waves' | 'invitations';
  entity: string;
  label: string;
  columns(data: Data): Record<string, unknown>;
  fromRow(row: Record<string, unknown> & MetaRow): T;
}

/**
 * A record kind with versions, soft delete and optimistic concurrency. Every write checks the version
 * the caller saw (a stale write is refused with 409), bumps it, and appends the new version's full
 * snapshot and its changes to the history, all in the caller's transaction.
 */
export class VersionedRepository<T extends VersionedRecord, Data> {
  // Table names vary per mapping, so queries go through an untyped view of the schema; the mapping types the result.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly loose: Kysely<Record<string, any>>;

  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly mapping: VersionedMapping<T, Data>,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    this.loose = db as unknown as Kysely<Record<string, any>>;
  }

  async find(id: string, options: { includeDeleted?: boolean } = {}): Promise<T | undefined> {
    const includeDeleted = options.includeDeleted === true;
    const { rows } = await runPrepared(
      this.db,
      `find ${this.mapping.table}${includeDeleted ? ' with deleted' : ''}`,
      (db, value) => {
        const query = (db as unknown as typeof this.loose)
          .selectFrom(this.mapping.table)
          .selectAll()
          .where('organization_id', '=', value('organization'))
          .where('id', '=', value('id'));
        return includeDeleted ? query : query.where('deleted_at', 'is', null);
      },
      { organization: this.organizationId, id },
    );
    const row = rows[0];
    return row && this.mapping.fromRow(row as Record<string, unknown> & MetaRow);
  }

  async require(id: string, options: { includeDeleted?: boolean } = {}): Promise<T> {
    const record = await this.find(id, options);
    if (!record) throw notFound(this.mapping.label);
    return record;
  }

  async insert(data: Data, actor: string | null, id: string = newId()): Promise<T> {
    const now = nowIso();
    const row = {
      id,
      organization_id: this.organizationId,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...this.mapping.columns(data),
    };
    await insertRowsPrepared(this.db, this.mapping.table, [row]);
    const record = this.mapping.fromRow(row);
    await this.history(record, 'create', actor, {});
    return record;
  }

  /** Replaces the record's data; `expectedVersion` is the version the editor started from. */
  async update(
    id: string,
    expectedVersion: number,
    data: Data,
    actor: string | null,
  ): Promise<{ before: T; after: T }> {
    const before = await this.require(id);
    this.checkVersion(before, expectedVersion);
    const next = { ...this.mapping.columns(data), version: before.version + 1, updated_at: nowIso() };
    await this.write(id, before.version, next);
    const after = await this.require(id);
    await this.history(
      after,
      'update',
      actor,
      diffRecords(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>),
    );
    return { before, after };
  }

  async softDelete(id: string, expectedVersion: number | undefined, actor: string | null): Promise<T> {
    const before = await this.require(id);
    if (expectedVersion !== undefined) this.checkVersion(before, expectedVersion);
    const now = nowIso();
    await this.write(id, before.version, { deleted_at: now, version: before.version + 1, updated_at: now });
    const after = await this.require(id, { includeDeleted: true });
    await this.history(after, 'delete', actor, {});
    return after;
  }

  async restore(id: string, actor: string | null): Promise<T> {
    const before = await this.require(id, { includeDeleted: true });
    if (before.deletedAt === null) throw conflict(`${this.mapping.label} is not deleted`);
    await this.write(id, before.version, { deleted_at: null, version: before.version + 1, updated_at: nowIso() });
    const after = await this.require(id);
    await this.history(after, 'restore', actor, {});
    return after;
  }

  private checkVersion(current: T, expected: number): void {
    if (current.version !== expected) {
      throw conflict(
        `${this.mapping.label} was changed by someone else (now version ${current.version}, you edited version ${expected})`,
        [{ path: 'version', message: `is ${expected}; the current version is ${current.version}` }],
      );
    }
  }

  /** Writes guarded by the version read, so two writers racing in separate transactions cannot both win. */
  private async write(id: string, version: number, values: Record<string, unknown>): Promise<void> {
    const result = await this.loose
      .updateTable(this.mapping.table)
      .set(values)
      .where('organization_id', '=', this.organizationId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict(`${this.mapping.label} was changed by someone else; reload and try again`, [
        { path: 'version', message: 'is stale' },
      ]);
  }

  private history(
    record: T,
    action: 'create' | 'update' | 'delete' | 'restore',
    actor: string | null,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return recordHistory(this.db, {
      organizationId: this.organizationId,
      entity: this.mapping.entity,
      entityId: record.id,
      action,
      actor,
      changes,
      version: record.version,
      snapshot: record,
    });
  }
}
