/**
 * Measures an import of a generated long CSV: rows per second and peak memory (resident set), for the
 * first (validating) pass alone (`--dry-run`) or both passes (a real, all-or-nothing write).
 *
 *   npx tsx test/import-export/measure-import.ts [rows=1000000] [--dry-run]
 *
 * Uses a fresh SQLite database in a temporary folder; prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importInteractions } from '../../src/server/interactions/import-export.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { Store } from '../../src/store/store.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { fileSize, writeLargeLongCsv } from './large-file.ts';

const rowsWanted = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const dryRun = process.argv.includes('--dry-run');
const dir = mkdtempSync(path.join(tmpdir(), 'praxis-measure-'));
const store = new Store(await openDatabase({ dataDir: dir }));
try {
  await migrateToLatest(store.database.db);
  const { organization, admin } = await buildOrganization(store);
  const { engagement } = await buildEngagement(store, organization.id, admin.userId);
  const file = path.join(dir, 'interactions.csv');
  // About 233 bytes a row.
  const { rows } = writeLargeLongCsv(file, engagement.id, rowsWanted * 233);
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const report = await importInteractions(store, organization.id, file, { kind: 'csv', dryRun, actor: 'cli' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ dryRun, rows: rows - 1, bytes: fileSize(file), interactions: report.interactions, written: report.written, errorCount: report.errorCount, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round((rows - 1) / seconds), baseRssMB: Math.round(base / 2 ** 20), peakRssMB: Math.round(peak / 2 ** 20), node: process.version }));
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
