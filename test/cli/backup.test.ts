import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPraxis, startPraxisServer } from '../support/cli.ts';
import { Client } from '../support/http.ts';

/** Clients logging at once, as in the logging benchmark. */
const clients = 20;
/**
 * Interactions logged before the backup starts. With their long notes (kept twice: the record and its
 * history) the database grows to some 25 MB, thousands of pages: a backup that copies a hundred pages
 * at a time and starts over after every commit meets a commit before it is through.
 */
const fillWrites = 1_500;
/**
 * The writers stop after this many acknowledged interactions at the latest, whether or not the backup
 * is done: a backup that cannot finish while they write is then seen to finish only after they stop.
 */
const maxWrites = fillWrites + 6_000;
const longNotes = 'Walked through the fidelity data site by site and agreed on next steps. '.repeat(100);

// A real server process, twenty clients logging over HTTP and a real `praxis backup` process.
describe('praxis backup while the server keeps logging', { timeout: 600_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-backup-'));
    env = { DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes while twenty clients log, and the copy passes integrity_check and praxis check', async () => {
    const server = await startPraxisServer(env);
    try {
      expect((await runPraxis(['org', 'create', 'Load Network', '--slug', 'load'], env)).code).toBe(0);
      const token = await runPraxis(['token', 'create', '--org', 'load', '--name', 'load', '--role', 'admin'], env);
      expect(token.code).toBe(0);
      const api = new Client(server.url);
      api.bearer = token.stdout.trim();
      const org = `/api/orgs/${(await api.get('/api/orgs')).body.items[0].id}`;
      const partner = await api.post(`${org}/partners`, { name: 'County agency', kind: 'organization' });
      expect(partner.status).toBe(201);
      const engagement = await api.post(`${org}/engagements`, {
        partnerId: partner.body.id,
        name: 'Support for the county agency',
        startDate: '2020-01-15',
        modelId: 'eis-toc',
        modelVersion: '1.0.0',
        stages: [{ stageId: 'readiness-exploration', startedOn: '2020-01-15' }],
      });
      expect(engagement.status).toBe(201);

      // Each client logs one interaction after another until told to stop (or `maxWrites` is reached).
      let acknowledged = 0;
      let backupStarted = false;
      let backupDone = false;
      let stopped = false;
      const acknowledgedAt = { beforeBackup: 0, duringBackup: 0, afterBackup: 0 };
      const failures: string[] = [];
      let filled!: () => void;
      const fillDone = new Promise<void>((resolve) => (filled = resolve));
      const log = async (n: number): Promise<void> => {
        const client = new Client(server.url);
        client.bearer = api.bearer;
        for (let i = 0; !stopped; i += 1) {
          const day = (n * 53 + i) % 1500;
          const reply = await client.post(`${org}/interactions`, {
            engagementId: engagement.body.id,
            date: new Date(Date.UTC(2020, 0, 15 + day)).toISOString().slice(0, 10),
            durationMinutes: 60,
            mode: 'video',
            components: [{ componentId: 'relating', minutes: 30, activityIds: ['check-in'] }],
            notes: `load ${n}/${i}: ${longNotes}`,
          });
          if (reply.status !== 201) {
            failures.push(`${reply.status} ${JSON.stringify(reply.body)}`);
            stopped = true;
            filled();
            break;
          }
          acknowledged += 1;
          acknowledgedAt[backupDone ? 'afterBackup' : backupStarted ? 'duringBackup' : 'beforeBackup'] += 1;
          if (acknowledged === fillWrites) filled();
          // Logging goes on until the backup is done and as many more interactions as there are clients are acknowledged.
          if (acknowledged >= maxWrites || (backupDone && acknowledgedAt.afterBackup >= clients)) stopped = true;
        }
      };
      const writers = Promise.all(Array.from({ length: clients }, (_, n) => log(n)));
      await fillDone;

      const backupFile = path.join(dataDir, 'under-load.db');
      backupStarted = true;
      const acknowledgedWhenBackupStarted = acknowledged;
      const backup = runPraxis(['backup', backupFile], env).then((result) => {
        backupDone = true;
        return { ...result, writersStoppedFirst: stopped };
      });
      await writers;
      const result = await backup;

      expect(failures).toEqual([]);
      expect(result.code, result.stderr).toBe(0);
      // The backup finished while the clients were still logging, and they logged before, during and after it.
      expect(result.writersStoppedFirst).toBe(false);
      expect(acknowledgedAt.beforeBackup).toBeGreaterThanOrEqual(fillWrites);
      expect(acknowledgedAt.duringBackup).toBeGreaterThan(0);
      expect(acknowledgedAt.afterBackup).toBeGreaterThan(0);

      // The copy is one consistent state: a sound file, holding every interaction acknowledged before the backup began.
      const copy = new SqliteDatabase(backupFile, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const copied = (
        copy.prepare("select count(*) as n from interactions where notes like 'load %'").get() as { n: number }
      ).n;
      copy.close();
      expect(copied).toBeGreaterThanOrEqual(acknowledgedWhenBackupStarted);
      expect(copied).toBeLessThanOrEqual(acknowledged);

      // Its rollups agree with its raw interactions, as `praxis check` finds them in a data folder holding it.
      const copyDir = path.join(dataDir, 'copy');
      mkdirSync(copyDir);
      copyFileSync(backupFile, path.join(copyDir, 'praxis.db'));
      const check = await runPraxis(['check'], { DATA_DIR: copyDir });
      expect(check.code, check.stdout + check.stderr).toBe(0);
      expect(check.stdout).toContain('rollups match raw data in 1 organization');
    } finally {
      await server.stop();
    }
  });
});
