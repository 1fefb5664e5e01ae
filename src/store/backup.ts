import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { AppError } from '../domain/errors.ts';
import type { Database } from './database.ts';

/** Copies a live SQLite database through SQLite's online backup API: consistent while others write. */
export async function backupSqlite(database: Database, target: string): Promise<void> {
  if (!database.sqlite)
    throw new AppError('bad_request', 'Backups through Praxis are for the embedded SQLite database');
  await database.sqlite.backup(target);
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
