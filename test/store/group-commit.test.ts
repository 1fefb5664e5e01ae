import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect, sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/database.ts';
import type { PendingWrites } from '../../src/store/commit-scope.ts';
import { GroupCommit } from '../../src/store/group-commit.ts';

interface Schema {
  parent: { id: number };
  child: { id: number; parent_id: number };
}

/** A real SQLite file with a deferred foreign key, so a commit itself can be made to fail. */
describe('group commit on a SQLite file', () => {
  let dir: string;
  let db: Kysely<Schema>;
  let statements: string[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-group-commit-'));
    statements = [];
    db = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: openSqlite(path.join(dir, 'test.db')) }),
      log: (event) => void statements.push(event.query.sql),
    });
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table child (id integer primary key, parent_id integer not null references parent (id) deferrable initially deferred)`.execute(
      db,
    );
    statements.length = 0;
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = async (table: 'parent' | 'child') =>
    (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
  const savepoints = () => statements.filter((s) => s.startsWith('savepoint')).length;

  it('runs units asked for together in one transaction, in order, each seeing the writes before it', async () => {
    const group = new GroupCommit(db);
    const seen = await Promise.all(
      [1, 2, 3, 4].map((id) =>
        group.run(async (trx) => {
          await trx.insertInto('parent').values({ id }).execute();
          return (await trx.selectFrom('parent').select('id').execute()).length;
        }),
      ),
    );
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(await ids('parent')).toEqual([1, 2, 3, 4]);
    expect(savepoints()).toBe(4);
  });

  it('rolls back only the unit that fails, which fails with its own error', async () => {
    const group = new GroupCommit(db);
    const results = await Promise.allSettled([
      group.run((trx) => trx.insertInto('parent').values({ id: 1 }).execute()),
      group.run(async (trx) => {
        await trx.insertInto('parent').values({ id: 2 }).execute();
        throw new Error('second unit refuses');
      }),
      group.run((trx) => trx.insertInto('parent').values({ id: 3 }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('second unit refuses'));
    expect(await ids('parent')).toEqual([1, 3]);
  });

  it('fails every unit of a group whose commit fails, and keeps none of their writes', async () => {
    const group = new GroupCommit(db);
    const results = await Promise.allSettled([
      group.run((trx) => trx.insertInto('parent').values({ id: 1 }).execute()),
      // A deferred foreign key is checked at commit: this child has no parent, so the commit fails.
      group.run((trx) => trx.insertInto('child').values({ id: 1, parent_id: 99 }).execute()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await ids('parent')).toEqual([]);
    expect(await ids('child')).toEqual([]);
    // The queue is not stuck: the next unit commits on its own.
    await group.run((trx) => trx.insertInto('parent').values({ id: 5 }).execute());
    expect(await ids('parent')).toEqual([5]);
  });

  it('holds at most the group size in one transaction and drains the rest after it', async () => {
    const group = new GroupCommit(db, 2);
    await Promise.all(
      [1, 2, 3, 4, 5].map((id) => group.run((trx) => trx.insertInto('parent').values({ id }).execute())),
    );
    expect(await ids('parent')).toEqual([1, 2, 3, 4, 5]);
    // Groups of 2, 2 and 1: a unit alone needs no savepoint.
    expect(savepoints()).toBe(4);
  });
});

/** Pending writes that insert parent rows, summed: the ids asked for by every unit that succeeded. */
class PendingParents implements PendingWrites<Schema> {
  readonly ids: number[] = [];
  writes = 0;
  merge(other: PendingParents): void {
    this.ids.push(...other.ids);
  }
  async write(trx: Transaction<Schema>): Promise<void> {
    this.writes += 1;
    if (this.ids.length > 0)
      await trx
        .insertInto('parent')
        .values(this.ids.map((id) => ({ id })))
        .execute();
  }
}

describe('writes put off until the commit', () => {
  let dir: string;
  let db: Kysely<Schema>;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-commit-scope-'));
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: openSqlite(path.join(dir, 'test.db')) }) });
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table child (id integer primary key, parent_id integer not null references parent (id) deferrable initially deferred)`.execute(
      db,
    );
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are summed over the units of a group that succeed and written once, before the commit', async () => {
    const group = new GroupCommit(db);
    const shared: PendingParents[] = [];
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((id) =>
        group.run(async (trx, scope) => {
          const pending = scope.pending('parents', () => new PendingParents());
          shared.push(pending);
          pending.ids.push(id);
          // Not written yet: the unit sees no parent rows of its own or of the units before it.
          expect(await trx.selectFrom('parent').select('id').execute()).toEqual([]);
          if (id === 3) throw new Error('third unit refuses');
          return id;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await db.selectFrom('parent').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2, 4]);
    // Each unit had its own; the first unit's took in the others' that succeeded and was the one written.
    expect(shared.map((p) => p.writes)).toEqual([1, 0, 0, 0]);
  });

  it('fail the whole group when they cannot be written, as a failed commit does', async () => {
    const group = new GroupCommit(db);
    const results = await Promise.allSettled(
      [1, 2].map((id) =>
        group.run(async (trx, scope) => {
          await trx.insertInto('child').values({ id, parent_id: id }).execute();
          scope.pending('parents', () => new PendingParents()).ids.push(id, id); // the same id twice: the insert fails
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await db.selectFrom('child').select('id').execute()).toEqual([]);
  });

  it('are written before the commit of a transaction of one unit', async () => {
    const group = new GroupCommit(db);
    await group.run(async (_trx, scope) => void scope.pending('parents', () => new PendingParents()).ids.push(7));
    expect((await db.selectFrom('parent').select('id').execute()).map((r) => r.id)).toEqual([7]);
  });
});
