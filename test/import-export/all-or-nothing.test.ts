import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { deleteEngagement } from '../../src/app/engagements/delete-engagement.ts';
import { importInteractions } from '../../src/app/interactions/import-interactions.ts';
import { spoolToTempFile } from '../../src/app/interactions/import-files.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { killHard, runPraxis, spawnPraxis } from '../support/cli.ts';
import { engines } from '../support/databases.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { countInteractions, importWorld, writeCsv, type ImportWorld } from './files.ts';
import { fileSize, longHeaderLine, writeLargeLongCsv } from './large-file.ts';

describe('an import is all or nothing', () => {
  let world: ImportWorld;

  beforeAll(async () => {
    world = await importWorld();
  });
  afterAll(() => world.dispose());

  /** 1,200 good one-row interactions, then `last`. */
  const fileWith = (last: string): string => {
    const lines = [longHeaderLine];
    for (let i = 0; i < 1200; i += 1)
      lines.push(
        `k${i},${world.engagementId},2021-01-01,${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},60,video,,relating,${1 + (i % 50)},,,,`,
      );
    lines.push(last);
    return `${lines.join('\n')}\n`;
  };

  it('reports a bad last row with every other row good, and writes none of them', async () => {
    const file = writeCsv(
      world.folder.file('bad-last.csv'),
      fileWith(`last,${world.engagementId},2019-06-01,10:00,30,phone,,coaching,20,,,,`).trimEnd().split('\n'),
    );
    const before = await countInteractions(world.t.store, world.orgId);
    const report = await importInteractions(world.t.store, world.orgId, file, {
      kind: 'csv',
      dryRun: false,
      actor: 'cli',
    });
    expect(report).toMatchObject({ rowsRead: 1201, interactions: 1201, written: 0, errorCount: 1 });
    expect(report.errors).toEqual([
      { row: 1202, column: 'date', message: 'is before the engagement started (2020-01-15)' },
    ]);
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
  });

  it('reads a source opened once, streamed rather than from a file', async () => {
    const source = {
      open: () => Readable.from([fileWith(`last,${world.engagementId},2021-02-01,10:00,30,phone,,coaching,20,,,,`)]),
    };
    const report = await importInteractions(world.t.store, world.orgId, source, {
      kind: 'csv',
      dryRun: true,
      actor: 'cli',
    });
    expect(report).toMatchObject({ rowsRead: 1201, interactions: 1201, written: 0, errorCount: 0 });
  });

  it('writes every interaction of a good file in one import', async () => {
    const file = writeCsv(
      world.folder.file('good.csv'),
      fileWith(`last,${world.engagementId},2021-02-01,10:00,30,phone,,coaching,20,,,,`).trimEnd().split('\n'),
    );
    const before = await countInteractions(world.t.store, world.orgId);
    const report = await importInteractions(world.t.store, world.orgId, file, {
      kind: 'csv',
      dryRun: false,
      actor: 'cli',
    });
    expect(report).toMatchObject({ written: 1201, errorCount: 0 });
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before + 1201);
  });

  it('numbers rows by file line across blank lines and quoted values spanning lines', async () => {
    const file = writeCsv(world.folder.file('lines.csv'), [
      longHeaderLine,
      `a,${world.engagementId},2020-02-03,10:00,60,video,,relating,20,,,,"a note`,
      `on two lines"`,
      '',
      ',,,,,,,,,,,,',
      `b,${world.engagementId},2020-13-01,10:00,60,video,,relating,20,,,,`,
    ]);
    const report = await importInteractions(world.t.store, world.orgId, file, {
      kind: 'csv',
      dryRun: true,
      actor: 'cli',
    });
    expect(report.errors).toEqual([{ row: 6, column: 'date', message: '"2020-13-01" is not a date YYYY-MM-DD' }]);
    expect(report.rowsRead).toBe(2);
  });

  it('refuses an upload over the size limit while spooling it', async () => {
    const spooled = spoolToTempFile(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), '.csv', 1000);
    await expect(spooled).rejects.toBeInstanceOf(AppError);
    await expect(spooled).rejects.toMatchObject({ code: 'payload_too_large' });
    const ok = await spoolToTempFile(Readable.from([Buffer.from('a,b\n')]), '.csv', 1000);
    await ok.remove();
  });
});

/** How far process `pid` has read into `file` (the offset of the descriptor it reads it with), or null if it has not opened it. */
function readOffset(pid: number, file: string): number | null {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue; // closed meanwhile
      }
      if (target !== file) continue;
      const pos = /^pos:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
      if (pos) return Number(pos[1]);
    }
  } catch {
    // the process is gone
  }
  return null;
}

describe.each(engines)('an import on %s, interrupted', { timeout: 180_000 }, (engine) => {
  let world: ImportWorld;

  beforeAll(async () => {
    world = await importWorld(engine);
    for (const date of ['2020-03-02', '2020-04-06'])
      await logInteraction(
        world.t.store,
        world.orgId,
        typicalInteraction(world.engagementId, { date }),
        world.admin.userId,
      );
  });
  afterAll(() => world.dispose());

  const checkPasses = async () => {
    const check = await runPraxis(['check', '--org', world.orgId], world.t.env);
    expect(check.stdout).toContain('rollups match raw data');
    expect(check.code).toBe(0);
  };

  it('by kill -9 half-way through `praxis import`, leaves nothing of it, and the database takes the next import', async () => {
    const file = world.folder.file('killed.csv');
    writeLargeLongCsv(file, world.engagementId, 8 * 1024 * 1024);
    const size = fileSize(file);
    const before = await countInteractions(world.t.store, world.orgId);
    const child = spawnPraxis(['import', 'interactions', file, '--org', world.orgId], world.t.env);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    // The rows are written as they are read, a batch at a time, in the transaction: kill it half-way.
    while (child.exitCode === null && (readOffset(child.pid!, file) ?? 0) < size / 2)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await killHard(child);
    expect(child.signalCode, `the import ended before it was killed: ${output}`).toBe('SIGKILL');

    expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
    await checkPasses();
    const next = writeCsv(world.folder.file('after-the-kill.csv'), [
      longHeaderLine,
      `a,${world.engagementId},2020-05-04,10:00,60,video,,relating,20,,,,`,
    ]);
    const imported = await runPraxis(['import', 'interactions', next, '--org', world.orgId], world.t.env);
    expect(imported.stdout).toContain('1 interaction written');
    expect(await countInteractions(world.t.store, world.orgId)).toBe(before + 1);
  });

  it('while its engagement is deleted, writes nothing and leaves the rollups true', async () => {
    const { engagement } = await buildEngagement(world.t.store, world.orgId, world.admin.userId);
    await logInteraction(
      world.t.store,
      world.orgId,
      typicalInteraction(engagement.id, { date: '2020-03-02' }),
      world.admin.userId,
    );
    const file = world.folder.file('raced.csv');
    writeLargeLongCsv(file, engagement.id, 4 * 1024 * 1024);
    const size = fileSize(file);
    const before = await countInteractions(world.t.store, world.orgId);
    let settled = false;
    const importing = importInteractions(world.t.store, world.orgId, file, {
      kind: 'csv',
      dryRun: false,
      actor: world.admin.userId,
    })
      .catch((error: unknown) => error)
      .finally(() => (settled = true));
    // A quarter in, the import has looked the engagement up and written rows (it reads only a few batches
    // ahead of what it wrote). On PostgreSQL the delete lands meanwhile and the import is refused; on
    // SQLite the import holds the one write lock, so the delete waits for its commit.
    while (!settled && (readOffset(process.pid, file) ?? 0) < size / 4)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await deleteEngagement(world.t.store, world.orgId, engagement.id, engagement.version, world.admin.userId);
    const outcome = await importing;
    if (engine === 'postgres') {
      expect(outcome).toBeInstanceOf(AppError);
      expect(outcome).toMatchObject({
        code: 'conflict',
        details: [{ path: 'engagement_id', message: `engagement "${engagement.id}" was deleted during the import` }],
      });
      expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
    } else expect(outcome).toMatchObject({ errorCount: 0 });
    expect(await world.t.store.tenant(world.orgId).dose.engagementMonths(engagement.id)).toEqual([]);
    await checkPasses();
  });
});
