import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { importInteractions, spoolToTempFile } from '../../src/server/interactions/import-export.ts';
import { countInteractions, importWorld, writeCsv, type ImportWorld } from './files.ts';
import { longHeaderLine } from './large-file.ts';

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
