import type { Insertable, Selectable, UpdateObject } from 'kysely';
import { diffRecords } from '../../domain/history.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { newId, nowIso } from '../ids.ts';
import type { DatabaseSchema } from '../schema.ts';
import { recordHistory } from './history.ts';
import type { Executor } from './executor.ts';
import { insertRowsPrepared, runPrepared, type RowsOf } from './prepared.ts';

export interface VersionedRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** The tables of versioned records. */
export type VersionedTable =
  | 'partners'
  | 'contacts'
  | 'engagements'
  | 'interactions'
  | 'hypotheses'
  | 'measurement_waves'
  | 'invitations'
  | 'stage_plans'
  | 'coaching_reviews'
  | 'coaching_observations'
  | 'coaching_sessions'
  | 'development_goals'
  | 'self_assessments'
  | 'import_mappings';

/** The bookkeeping columns every versioned table shares; the repository writes them, the mapping never does. */
type MetaColumn = 'id' | 'organization_id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at';

/** A stored row of the table, as read. */
export type VersionedRow<Table extends VersionedTable> = Selectable<DatabaseSchema[Table]>;

/** The columns a mapping writes: every column of the table but the bookkeeping ones. */
export type VersionedColumns<Table extends VersionedTable> = Omit<Insertable<DatabaseSchema[Table]>, MetaColumn>;

/**
 * How one kind of record maps to its table. `columns` holds every column but the shared bookkeeping
 * ones; `Hidden` names columns the record never reads back and writes only when it is created (a
 * secret's hash, say), so that `columns` may leave them out and `fromRow` is not given them.
 */
export interface VersionedMapping<
  Table extends VersionedTable,
  T extends VersionedRecord,
  Data,
  Hidden extends keyof VersionedColumns<Table> = never,
> {
  table: Table;
  entity: string;
  label: string;
  columns(data: Data): Omit<VersionedColumns<Table>, Hidden> & Partial<Pick<VersionedColumns<Table>, Hidden>>;
  fromRow(row: Omit<VersionedRow<Table>, Hidden>): T;
  /**
   * The first version of a record, made from the data it is written from, for a kind whose data is
   * already what its columns read back as (checked by the domain's schema): an insert then does not
   * read back the JSON it has just written. Without it, `fromRow` reads the inserted row.
   */
  created?(id: string, now: string, data: Data): T;
}

/**
 * A record kind with versions, soft delete and optimistic concurrency. Every write checks the version
 * the caller saw (a stale write is refused with 409), bumps it, and appends the new version's full
 * snapshot and its changes to the history, all in the caller's transaction.
 *
 * Queries name the table through `VersionedTable` (Kysely cannot check columns of a table given by a
 * type parameter); every table of it has the bookkeeping columns, and the mapping's types tie each
 * row read or written to its own table.
 */
export class VersionedRepository<
  Table extends VersionedTable,
  T extends VersionedRecord,
  Data,
  Hidden extends keyof VersionedColumns<Table> = never,
> {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly mapping: VersionedMapping<Table, T, Data, Hidden>,
  ) {}

  async find(id: string, options: { includeDeleted?: boolean } = {}): Promise<T | undefined> {
    const includeDeleted = options.includeDeleted === true;
    const table: VersionedTable = this.mapping.table;
    const { rows } = await runPrepared(
      this.db,
      `find ${table}${includeDeleted ? ' with deleted' : ''}`,
      (db, value) => {
        const query = db
          .selectFrom(table)
          .selectAll()
          .where('organization_id', '=', value('organization') as string)
          .where('id', '=', value('id') as string);
        return includeDeleted ? query : query.where('deleted_at', 'is', null);
      },
      { organization: this.organizationId, id },
    );
    const row = rows[0] as VersionedRow<Table> | undefined;
    return row && this.mapping.fromRow(row);
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
    } as unknown as Insertable<DatabaseSchema[Table]>;
    await insertRowsPrepared(this.db, this.mapping.table, [row] as RowsOf<Table, typeof row>);
    const record = this.mapping.created
      ? this.mapping.created(id, now, data)
      : this.mapping.fromRow(row as VersionedRow<Table>);
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
    const columns = this.mapping.columns(data) as unknown as UpdateObject<DatabaseSchema, VersionedTable>;
    const next = { ...columns, version: before.version + 1, updated_at: nowIso() };
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
  private async write(
    id: string,
    version: number,
    values: UpdateObject<DatabaseSchema, VersionedTable>,
  ): Promise<void> {
    const table: VersionedTable = this.mapping.table;
    const result = await this.db
      .updateTable(table)
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
