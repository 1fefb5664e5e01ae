/**
 * One backup of the application's SQLite database, timed in a process of its own as `praxis backup`
 * runs it (bench/backup.ts): the same connection settings, then `backupSqlite`. Prints one JSON line.
 *
 *   node --import tsx bench/support/backup-once.ts DATA_DIR TARGET
 */
import { backupSqlite } from '../../src/store/backup.ts';
import { openDatabase } from '../../src/store/database.ts';

const [dataDir, target] = process.argv.slice(2);
if (!dataDir || !target) throw new Error('usage: backup-once.ts DATA_DIR TARGET');
const database = await openDatabase({ dataDir });
const started = performance.now();
await backupSqlite(database, target);
const ms = performance.now() - started;
await database.close();
process.stdout.write(`${JSON.stringify({ ms })}\n`);
