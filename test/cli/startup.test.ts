import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandEntries } from '../../src/cli/main.ts';
import { runPraxis, startPraxisServer } from '../support/cli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const moduleLog = path.join(root, 'test/support/module-log.mjs');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/** Libraries only the server, the database, the reports or the web app need. */
const heavy = ['fastify', 'kysely', 'better-sqlite3', 'pg', 'pdfkit', 'echarts', 'react', 'exceljs', 'elkjs', 'zod'];
const bundlePath = `file://${root}/dist/node/`;
/**
 * The npm packages among the modules loaded: those Node loaded from node_modules, and those bundled into
 * the files of dist/node it loaded, which esbuild marks with a `// node_modules/NAME/…` line per module.
 */
const loadedPackages = (modules: string[]): string[] => [
  ...new Set(
    modules.flatMap((url) => {
      const direct = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
      if (direct) return [direct];
      if (!url.startsWith(bundlePath)) return [];
      const text = readFileSync(new URL(url), 'utf8');
      return [...text.matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!);
    }),
  ),
];
/** A chunk of the build holding one command's module (scripts/build-node.mjs names it after the file). */
const commandChunk = (name: string) => new RegExp(`/dist/node/chunks/${name}-[A-Z0-9]+\\.js$`);

describe('the compiled praxis command', { timeout: 120_000 }, () => {
  let dir: string;
  let run = 0;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-startup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `praxis ARGS` and returns what it printed and the URL of every module it loaded. */
  async function traced(args: string[]) {
    const log = path.join(dir, `modules-${(run += 1)}.txt`);
    writeFileSync(log, '');
    const result = await runPraxis(args, {
      DATA_DIR: dir,
      PRAXIS_MODULE_LOG: log,
      NODE_OPTIONS: `--import=${moduleLog}`,
    });
    const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return { ...result, modules };
  }

  it('runs --version from the build in dist/node, without TypeScript sources or a loader', async () => {
    const { code, stdout, modules } = await traced(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
    expect(modules).toContain(`file://${root}/dist/node/cli/praxis.js`);
    expect(modules.filter((url) => url.endsWith('.ts') || url.includes('/node_modules/tsx/'))).toEqual([]);
    expect(loadedPackages(modules)).toEqual(['commander']);
  });

  it('runs stats without loading the server, the database or the reports', async () => {
    const data = path.join(dir, 'scores.csv');
    writeFileSync(data, 'group,score\na,1\nb,4\na,2\nb,5\na,3\nb,6\na,4\nb,7\na,5\nb,8\n');
    const { code, stdout, stderr, modules } = await traced([
      'stats',
      'mann-whitney',
      '--data',
      data,
      '--group',
      'group',
      '--value',
      'score',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // R: wilcox.test(c(1,2,3,4,5), c(4,5,6,7,8)) gives W = 2.
    expect(JSON.parse(stdout)).toMatchObject({ test: 'mann-whitney', statistic: 2 });
    expect(modules.some((url) => commandChunk('stats').test(url))).toBe(true);
    expect(loadedPackages(modules).filter((name) => heavy.includes(name))).toEqual([]);
  });

  it('starts the server on SQLite without the PostgreSQL driver or the report, spreadsheet, diagram and statistics libraries', async () => {
    const log = path.join(dir, 'modules-serve.txt');
    writeFileSync(log, '');
    const server = await startPraxisServer({
      DATA_DIR: dir,
      PRAXIS_MODULE_LOG: log,
      NODE_OPTIONS: `--import=${moduleLog}`,
    });
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
    const packages = loadedPackages(readFileSync(log, 'utf8').split('\n').filter(Boolean));
    expect(packages).toContain('fastify');
    expect(
      packages.filter(
        (name) =>
          ['pg', 'echarts', 'zrender', 'pdfkit', 'exceljs', 'elkjs'].includes(name) || name.startsWith('@stdlib/'),
      ),
    ).toEqual([]);
  });

  it('lists every command in --help and loads the one asked about for `help NAME`', async () => {
    const top = await traced(['--help']);
    expect(top.code).toBe(0);
    for (const entry of commandEntries) expect(top.stdout).toMatch(new RegExp(`^  ${entry.name} `, 'm'));
    expect(top.modules.filter((url) => commandEntries.some((entry) => commandChunk(entry.name).test(url)))).toEqual([]);

    const help = await traced(['help', 'stats']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: praxis stats');
    expect(help.stdout).toContain('mann-whitney');
  });
});
