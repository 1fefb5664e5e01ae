import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  sql,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type SqliteDatabase as KyselySqliteDatabase,
  type Transaction,
} from 'kysely';
import type pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { conflict } from '../domain/errors.ts';
import { CommitScope } from './commit-scope.ts';
import { GroupCommit } from './group-commit.ts';
import type { DatabaseSchema } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (created if missing); default `public`. */
  databaseSchema?: string | undefined;
  /** Folder holding the SQLite file `praxis.db`. */
  dataDir: string;
}

export interface Database {
  db: Kysely<DatabaseSchema>;
  engine: Engine;
  /** Where the data lives, for messages: a file path or the server URL without its password. */
  location: string;
  /** The raw SQLite handle, for the online backup API; absent on PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
  /**
   * Runs `work` in one transaction. On SQLite, transactions asked for at about the same time share one
   * commit, each in its own savepoint (see `GroupCommit`); on PostgreSQL each is its own, and one that
   * PostgreSQL aborts to break a deadlock is run again from the start (`runAgainWhenAborted`), so `work`
   * must do nothing but database work. Writes that `work` puts off until the commit (`scope`) are
   * written right before it.
   */
  transaction<T>(
    work: (trx: Transaction<DatabaseSchema>, scope: CommitScope<DatabaseSchema>) => Promise<T>,
  ): Promise<T>;
  /**
   * Runs `work` over one consistent, read-only view of the data, which writes made meanwhile do not
   * change: on SQLite a second, read-only connection to the file inside one read transaction (the
   * write-ahead log lets writers go on), on PostgreSQL a REPEATABLE READ, READ ONLY transaction.
   */
  snapshot<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which writes many rows in a row of transactions (`praxis rebuild`), with the connection
   * set for it: on SQLite a larger page cache and the write-ahead log checkpointed less often, both put
   * back when the last such work ends (see `bulkWriteSettings`); on PostgreSQL as it is.
   */
  writingInBulk<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Transactions on SQLite start with BEGIN IMMEDIATE: the write lock is taken up front, so two processes
 * writing to one file queue on the busy timeout instead of failing on a lock upgrade.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite does run DDL inside transactions, so migrations get the same all-or-nothing guarantee as on
 * PostgreSQL; the IMMEDIATE transaction is also the cross-process migration lock.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** How many distinct statements stay prepared: far more than the application's queries, small enough to bound memory. */
const statementCacheSize = 500;

/**
 * The SQLite handle as Kysely's driver sees it, with `prepare` answered from a bounded cache keyed by
 * SQL text (least recently used dropped first). Kysely prepares every query anew; a log writes about
 * twenty statements, and preparing them was a measurable part of its time. A cached statement still
 * running (an open iterator) is not shared: the caller gets a fresh one.
 */
export function cachingStatements(database: SqliteDatabase.Database, size = statementCacheSize): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    const cached = statements.get(source);
    if (cached) {
      if (cached.busy) return database.prepare(source);
      statements.delete(source);
      statements.set(source, cached);
      return cached;
    }
    const statement = database.prepare(source);
    statements.set(source, statement);
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return statement;
  };
  return { prepare, close: () => database.close() };
}

class PraxisSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase.Database;
  constructor(database: SqliteDatabase.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver({ database: cachingStatements(this.#database) });
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function openSqlite(file: string): SqliteDatabase.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file, { timeout: 15_000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

/**
 * SQLite settings while writing in bulk. The default page cache (2 MB) cannot hold the index pages one
 * run of a rebuild touches, so they were spilled and read back again and again; the default checkpoint
 * (every 1,000 pages of log) copied the same pages into the database file after almost every run.
 */
const bulkWriteSettings = { cache_size: -65_536, wal_autocheckpoint: 25_000 } as const;

/** Applies `bulkWriteSettings` to a connection while any bulk work runs on it, and puts back what was there before. */
function bulkWritesOn(sqlite: SqliteDatabase.Database): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  let before: Record<string, unknown> = {};
  return async (work) => {
    if (running++ === 0) {
      before = {};
      for (const [name, value] of Object.entries(bulkWriteSettings)) {
        before[name] = sqlite.pragma(name, { simple: true });
        sqlite.pragma(`${name} = ${value}`);
      }
    }
    try {
      return await work();
    } finally {
      if (--running === 0)
        for (const [name, value] of Object.entries(before)) sqlite.pragma(`${name} = ${String(value)}`);
    }
  };
}

/** SQLSTATEs of a transaction PostgreSQL aborted so that others could go on: a deadlock, a serialization failure. */
const abortedToLetOthersOn = new Set(['40P01', '40001']);
const attemptsWhenAborted = 3;

/**
 * Runs a transaction again (from the start, as a new transaction) when PostgreSQL aborted it to break a
 * deadlock or for a serialization failure: nothing of it was kept, and running it again normally
 * succeeds. Writes lock what they change in one order, so this is rare; when it keeps happening, the
 * write is refused as a conflict (409) rather than failing as an internal error.
 */
export async function runAgainWhenAborted<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!abortedToLetOthersOn.has((error as { code?: string }).code ?? '')) throw error;
      if (attempt >= attemptsWhenAborted)
        throw conflict('The change collided with other changes made at the same moment; nothing was saved, try again');
    }
  }
}

export const sqliteFileIn = (dataDir: string): string => path.resolve(dataDir, 'praxis.db');

const validSchemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The connection settings of a PostgreSQL URL. A URL without a user name connects as PostgreSQL's own
 * clients (libpq) would: as PGUSER, else the operating-system user. pg alone falls back to $USER,
 * which services and containers often lack, and then refuses to connect.
 */
export function postgresConnection(url: string, env: NodeJS.ProcessEnv = process.env): pg.ClientConfig {
  const config = parseIntoClientConfig(url);
  return { ...config, user: config.user || env.PGUSER || os.userInfo().username };
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise the SQLite file in DATA_DIR. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const schema = options.databaseSchema ?? 'public';
    if (!validSchemaName.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}"`);
    // The PostgreSQL driver loads only when it is used, not with every server or command on SQLite.
    const { default: postgres } = await import('pg');
    const pool = new postgres.Pool({
      ...postgresConnection(options.databaseUrl),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      options: `-c search_path=${schema}`,
    });
    if (schema !== 'public') {
      const client = await pool.connect();
      try {
        await client.query(`create schema if not exists ${schema}`);
      } catch (error) {
        // Two processes creating the same schema at once: the loser sees a duplicate, which is fine.
        if ((error as { code?: string }).code !== '23505') throw error;
      } finally {
        client.release();
      }
    }
    const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      location: redactUrl(options.databaseUrl) + (schema === 'public' ? '' : ` (schema ${schema})`),
      transaction: (work) =>
        runAgainWhenAborted(() =>
          db.transaction().execute(async (trx) => {
            const scope = new CommitScope<DatabaseSchema>();
            const result = await work(trx, scope);
            await scope.writeAll(trx);
            return result;
          }),
        ),
      snapshot: (work) =>
        db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            await sql`set transaction read only`.execute(trx);
            return work(trx);
          }),
      writingInBulk: (work) => work(),
      close: () => db.destroy(),
    };
  }
  const file = sqliteFileIn(options.dataDir);
  const sqlite = openSqlite(file);
  const db = new Kysely<DatabaseSchema>({ dialect: new PraxisSqliteDialect(sqlite) });
  const groupCommit = new GroupCommit(db);
  const snapshot = async <T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> => {
    const reader = new Kysely<DatabaseSchema>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(file, { readonly: true, timeout: 15_000 }) }),
    });
    try {
      return await reader.transaction().execute(work);
    } finally {
      await reader.destroy();
    }
  };
  return {
    db,
    engine: 'sqlite',
    location: file,
    sqlite,
    transaction: (work) => groupCommit.run(work),
    snapshot,
    writingInBulk: bulkWritesOn(sqlite),
    close: () => db.destroy(),
  };
}

/** A connection string safe to print: the password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
