import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { runAgainWhenAborted } from './database.ts';

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
