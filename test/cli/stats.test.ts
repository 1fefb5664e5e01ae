import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agreement from '../fixtures/stats/agreement.json' with { type: 'json' };
import reading from '../fixtures/stats/reading.json' with { type: 'json' };
import { expectCloseToR } from '../fixtures/stats/expect-close.ts';
import { runPraxis, type CliResult } from '../support/cli.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/stats');

/** `praxis stats` reads data as R's read.csv does and orders groups as R does; each case runs the real command. */
describe('praxis stats reads data as R does', { timeout: 120_000 }, () => {
  let dir: string;
  const env = (): Record<string, string> => ({ DATA_DIR: dir });
  const stats = (...args: string[]): Promise<CliResult> => runPraxis(['stats', ...args], env());
  const json = async (...args: string[]): Promise<Record<string, unknown>> => {
    const result = await stats(...args, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  const file = (name: string, text: string): string => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-stats-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes x as R does when labels differ in case, and names x and y', async () => {
    const data = path.join(fixtures, 'case-groups.csv');
    const r = reading.mann_whitney;
    const out = await json('mann-whitney', '--data', data, '--group', 'arm', '--value', 'score');
    expect({ x: out.x, y: out.y }).toEqual({ x: r.x, y: r.y });
    expect(out.groups).toEqual([
      { label: 'control', role: 'x', n: r.n.control },
      { label: 'Treatment', role: 'y', n: r.n.Treatment },
    ]);
    expect(out.method).toBe(r.method);
    expectCloseToR(out.statistic as number, r.statistic, 'W');
    expectCloseToR(out.p as number, r.p, 'p');
    expectCloseToR(out.estimate as number, r.estimate, 'shift');
    const ci = out.ci as { lower: number; upper: number };
    expectCloseToR(ci.lower, r.conf_int[0], 'CI lower');
    expectCloseToR(ci.upper, r.conf_int[1], 'CI upper');
    // The row labelled NA and the row with score NA are dropped, as R drops them.
    expect(out.warnings).toContain('2 rows with a missing value dropped');

    const text = await stats('mann-whitney', '--data', data, '--group', 'arm', '--value', 'score');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('groups: x = control (n = 7) vs y = Treatment (n = 7)');
    expect(text.stdout).toContain('W = 3.5 (for x = control)');
    expect(text.stdout).toContain('difference in location, control − Treatment (Hodges–Lehmann): -1.99995');
  });

  it('orders Kruskal–Wallis groups as R orders the factor levels', async () => {
    const r = reading.kruskal_wallis;
    const out = await json(
      'kruskal-wallis',
      '--data',
      path.join(fixtures, 'three-groups.csv'),
      '--group',
      'site',
      '--value',
      'score',
    );
    expect((out.groups as { label: string }[]).map((g) => g.label)).toEqual(r.levels);
    expectCloseToR(out.statistic as number, r.statistic, 'H');
    expectCloseToR(out.p as number, r.p, 'p');
    expect(out.df).toBe(r.parameter);
  });

  it('refuses a file with two columns of one name, naming the column and its positions', async () => {
    const data = file('twice.csv', 'arm,score,score\ncontrol,1,2\nTreatment,3,4\n');
    const result = await stats('mann-whitney', '--data', data, '--group', 'arm', '--value', 'score');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${data} has a column name used more than once: score (columns 2, 3); rename all but one`,
    );
    expect(result.stdout).toBe('');
  });

  it('says an empty file and a header-only file have no data rows', async () => {
    const empty = file('empty.csv', '');
    const headerOnly = file('header.csv', 'arm,score\n');
    for (const [data, message] of [
      [empty, `${empty} is empty: it has no header row and no data rows`],
      [headerOnly, `${headerOnly} has no data rows, only a header (arm, score)`],
    ] as const) {
      for (const args of [
        ['mann-whitney', '--group', 'arm', '--value', 'score'],
        ['kruskal-wallis', '--group', 'arm', '--value', 'score'],
      ]) {
        const result = await stats(...args, '--data', data);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(message);
        expect(result.stderr).not.toMatch(/not found|0 groups/);
      }
    }
  });

  it('keeps NA in place in p-adjust and adjusts over the rest, in JSON and text', async () => {
    const r = reading.p_adjust_na;
    const args = r.p.map((p) => (p === null ? 'NA' : String(p)));
    for (const method of ['holm', 'bh'] as const) {
      const out = await json('p-adjust', '--method', method, ...args);
      expect(out.n).toBe(4);
      expect(out.p).toEqual(r.p);
      const expected = r[method];
      (out.adjusted as (number | null)[]).forEach((value, i) => expectCloseToR(value, expected[i], `${method}[${i}]`));
    }
    const text = await stats('p-adjust', '--method', 'holm', ...args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('adjustment of 4 p-values (2 missing, kept as NA)');
    expect(text.stdout.split('\n').filter((line) => /^\s+NA\s+NA$/.test(line))).toHaveLength(2);
    expect(text.stdout).toMatch(/^\s+0\.0400\s+0\.0900$/m);
  });

  it('reads NA and empty cells as missing and refuses other text in a numeric column', async () => {
    const data = file('na.csv', 'before,after\n1,2\nNA,3\n2,\n3,5\n4,4.5\n5,7\n.,1\n');
    const result = await stats('wilcoxon', '--data', data, '--before', 'before', '--after', 'after');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('non-numeric value in column before at row 7: "."');
    const fine = file('na-only.csv', 'before,after\n1,2\nNA,3\n2,\n3,5\n4,4.5\n5,7\n');
    const out = await json('wilcoxon', '--data', fine, '--before', 'before', '--after', 'after');
    expect(out.pairs).toBe(4);
    expect(out.warnings).toContain('2 rows with a missing value dropped');
  });

  it('runs kappa and icc as psych does, and names the column of a bad rating', async () => {
    const kappa = await json(
      'kappa',
      '--data',
      path.join(fixtures, 'two-coaches.csv'),
      '--x',
      'coach_a',
      '--y',
      'coach_b',
    );
    expectCloseToR((kappa.kappa as { value: number }).value, agreement.cli.kappa.kappa, 'kappa');
    const icc = await json(
      'icc',
      '--data',
      path.join(fixtures, 'judges-long.csv'),
      '--targets',
      'target',
      '--raters',
      'rater',
      '--ratings',
      'rating',
    );
    expectCloseToR((icc.icc as { value: number }[])[1]!.value, agreement.cli.icc.icc[1], 'ICC(2,1)');
    const bad = file('bad-rating.csv', 'target,rater,rating\na,r1,3\na,r2,high\n');
    const result = await stats('icc', '--data', bad, '--targets', 'target', '--raters', 'rater', '--ratings', 'rating');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('non-numeric value in column rating at row 2: "high"');
  });
});
