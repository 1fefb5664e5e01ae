import { Command } from 'commander';
import { migrateDown, migrateToLatest, migrationStatus } from '../../store/migrate.ts';
import { say, withStore } from '../context.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Bring the database schema up to date (serve does this too)')
    .option('--status', 'list migrations and whether each has run; change nothing')
    .option('--down', 'undo the most recent migration')
    .action(async (options: { status?: boolean; down?: boolean }) => {
      await withStore(
        async (store) => {
          const db = store.database.db;
          if (options.status) {
            for (const m of await migrationStatus(db)) say(`${m.executedAt ? 'applied' : 'pending'}  ${m.name}`);
            return;
          }
          const report = options.down ? await migrateDown(db) : await migrateToLatest(db);
          if (report.applied.length === 0) say(`Nothing to do; schema at ${report.current ?? '(empty)'}.`);
          for (const name of report.applied) say(`${options.down ? 'reverted' : 'applied'}  ${name}`);
        },
        { migrate: false },
      );
    });
}
