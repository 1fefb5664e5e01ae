import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { AppError } from '../../domain/errors.ts';
import { backupSqlite, restoreSqlite } from '../../store/backup.ts';
import { loadConfig } from '../../server/config.ts';
import { say, withStore } from '../context.ts';

const postgresAdvice =
  'On PostgreSQL use its own tools: `pg_dump --format=custom "$DATABASE_URL" > praxis.dump` and `pg_restore --clean --if-exists -d "$DATABASE_URL" praxis.dump` (see README, "Running on PostgreSQL").';

export function backupCommand(): Command {
  return new Command('backup')
    .description('Copy the SQLite database to FILE, consistently, even while the server runs')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      if (loadConfig().databaseUrl) throw new AppError('bad_request', postgresAdvice);
      const target = path.resolve(file);
      if (existsSync(target)) throw new AppError('conflict', `${target} exists; choose a new file name`);
      await withStore(async (store) => {
        await backupSqlite(store.database, target);
        say(`backed up ${store.database.location} to ${target} (${statSync(target).size} bytes)`);
      });
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('Replace the SQLite database with a backup made by `praxis backup` (stop servers first)')
    .argument('<file>', 'the backup file')
    .option('--yes', 'confirm that the current data is to be replaced')
    .action(async (file: string, options: { yes?: boolean }) => {
      const config = loadConfig();
      if (config.databaseUrl) throw new AppError('bad_request', postgresAdvice);
      if (!options.yes)
        throw new AppError(
          'bad_request',
          'Restoring replaces every record in the database; run again with --yes to confirm',
        );
      const source = path.resolve(file);
      await withStore(
        async (store) => {
          await restoreSqlite(store.database, source);
          say(`restored ${source} into ${store.database.location}`);
        },
        { migrate: false },
      );
      // A backup from an older release is brought up to date.
      await withStore(async () => undefined);
    });
}
