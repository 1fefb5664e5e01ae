import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isFinishedSentence } from '../e2e/support/sentences.ts';
import { runPraxis } from '../support/cli.ts';

/**
 * The `praxis` command writes terse status lines in lower case (`wrote FILE`, `applied NAME`), columns
 * of a listing separated by two spaces, labelled lists ("Principles: a · b"), a record's name with its
 * `id@version`, and `error: …`; any other line that begins with a capital and has four words or more
 * is a sentence, and ends with a stop.
 */
const readsAsSentence = (line: string): boolean =>
  /^\p{Lu}/u.test(line) &&
  line.split(' ').length >= 4 &&
  !line.includes('  ') &&
  !line.includes(' · ') &&
  !line.includes(' — ') &&
  !/\(\S+@\S+\)$/.test(line);

describe('the sentences the praxis command prints', { timeout: 300_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-messages-'));
    env = { DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('begin with a capital and end with a stop', async () => {
    const runs: string[][] = [
      ['migrate'],
      ['migrate'],
      ['migrate', '--status'],
      ['org', 'create', 'Message Network', '--slug', 'messages'],
      ['org', 'list'],
      ['model', 'list'],
      ['model', 'show', 'eis-toc'],
      ['instrument', 'list'],
      ['instrument', 'export', 'aim-support', '--format', 'json', '--out', path.join(dataDir, 'aim.json')],
      ['model', 'export', 'eis-toc', '--format', 'yaml', '--out', path.join(dataDir, 'eis.yaml')],
      ['check', '--org', 'messages'],
    ];
    const printed: string[] = [];
    for (const args of runs) {
      const result = await runPraxis(args, env);
      expect(result.code, `praxis ${args.join(' ')}: ${result.stderr}`).toBe(0);
      printed.push(...`${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim()));
    }
    const sentences = printed.filter(readsAsSentence);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.filter((line) => !isFinishedSentence(line))).toEqual([]);
  });
});
