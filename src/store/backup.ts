import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../domain/errors.ts';
import type { Database } from './database.ts';

/**
 * Pages copied per step of the backup: more than any database has, so the whole file is copied in one
 * step (better-sqlite3 takes at most 2^31 − 1).
 */
const everyPage = 0x7fffffff;

/**
 * Copies a live SQLite database through SQLite's online backup API, consistent while others write.
 *
 * The API copies a number of pages per step and starts over at the next step whenever another
 * connection has written to the database in between (https://sqlite.org/c3ref/backup_finish.html).
 * better-sqlite3 copies 100 pages a step, so under steady logging every step found the file changed
 * and a backup only finished once the writes stopped. Here one step copies every page
 * (better-sqlite3's first step, which copies none, only opens the backup). A step runs in one read
 * transaction, which in WAL mode reads a snapshot that writers neither wait for nor disturb: the copy
 * is the database as of one commit, and it is done while the server logs on.
 */
export async function backupSqlite(database: Database, target: string): Promise<void> {
  if (!database.sqlite)
    throw new AppError('bad_request', 'Backups through Praxis are for the embedded SQLite database');
  await database.sqlite.backup(target, { progress: () => everyPage });
}

/**
 * Replaces the current database's content with a backup's, page by page through the backup API (so the
 * WAL and open handles stay coherent). The backup is checked first: it must be a Praxis database.
 */
export async function restoreSqlite(database: Database, source: string): Promise<void> {
  if (!database.sqlite)
    throw new AppError('bad_request', 'Restores through Praxis are for the embedded SQLite database');
  if (!existsSync(source)) throw new AppError('not_found', `Backup file ${source} not found`);
  let backup: SqliteDatabase.Database;
  try {
    backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check says: ${String(check)}`);
    const isPraxis = backup
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'praxis_migration'")
      .get();
    if (!isPraxis) throw new Error('it has no Praxis migration table');
  } catch (error) {
    throw new AppError('validation_failed', `${source} is not a usable Praxis backup: ${(error as Error).message}`);
  }
  try {
    await backup.backup(database.location);
  } finally {
    backup.close();
  }
}
