import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { openDatabase, runAgainWhenAborted } from './database.ts';

/** An error as the pg driver raises it for a transaction PostgreSQL aborted (SQLSTATE in `code`). */
const aborted = (code: string) => Object.assign(new Error('deadlock detected'), { code });

describe('runAgainWhenAborted', () => {
  it('runs a transaction aborted for a deadlock or a serialization failure again, and returns what it returned', async () => {
    const codes = ['40P01', '40001'];
    let runs = 0;
    const result = await runAgainWhenAborted(async () => {
      runs += 1;
      if (runs <= codes.length) throw aborted(codes[runs - 1]!);
      return 'saved';
    });
    expect(result).toBe('saved');
    expect(runs).toBe(3);
  });

  it('refuses it as a conflict after three aborted runs, and passes every other error on untouched at once', async () => {
    let runs = 0;
    const refused = await runAgainWhenAborted(async () => {
      runs += 1;
      throw aborted('40P01');
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(runs).toBe(3);

    const unique = aborted('23505');
    runs = 0;
    await expect(
      runAgainWhenAborted(async () => {
        runs += 1;
        throw unique;
      }),
    ).rejects.toBe(unique);
    expect(runs).toBe(1);
  });
});

describe('writingInBulk on SQLite', () => {
  it('sets a larger page cache and rarer checkpoints while the work runs, and puts back what was there after', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'praxis-bulk-'));
    const database = await openDatabase({ dataDir });
    try {
      const sqlite = database.sqlite!;
      const settings = () => [
        sqlite.pragma('cache_size', { simple: true }),
        sqlite.pragma('wal_autocheckpoint', { simple: true }),
      ];
      const before = settings();
      const during = await database.writingInBulk(async () => {
        const outer = settings();
        await database.writingInBulk(async () => undefined);
        return [outer, settings()];
      });
      expect(during).toEqual([
        [-65_536, 25_000],
        [-65_536, 25_000],
      ]);
      expect(settings()).toEqual(before);
      await expect(
        database.writingInBulk(async () => {
          throw new Error('stopped');
        }),
      ).rejects.toThrow('stopped');
      expect(settings()).toEqual(before);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
