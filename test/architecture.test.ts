import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFiles, exportedFunctions, useCaseFileProblems } from './support/use-case-files.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Lints `code` as if it were the file at `file` (relative to the repository), with the project's own config. */
async function lintAs(file: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('folder boundaries (eslint-plugin-boundaries, eslint.config.js)', () => {
  it('refuses an import against the arrows, naming the rule and both folders', { timeout: 120_000 }, async () => {
    const storeImport = "import type { Store } from '../store/store.ts';\nexport type S = Store;\n";
    expect(await lintAs('src/model/forbidden.ts', storeImport)).toContainEqual({
      ruleId: 'boundaries/dependencies',
      message: 'model may not import store: not an arrow of README.md, Architecture',
    });
    expect(await lintAs('src/app/allowed.ts', storeImport)).toEqual([]);

    const serverImport = "import { buildApp } from '../server/app.ts';\nexport const app = buildApp;\n";
    expect(await lintAs('src/web/forbidden.ts', serverImport)).toContainEqual({
      ruleId: 'boundaries/dependencies',
      message: 'web may not import server: not an arrow of README.md, Architecture',
    });
    const appImport = "import { createUser } from '../../app/accounts/create-user.ts';\nexport const c = createUser;\n";
    expect(await lintAs('src/store/repositories/forbidden.ts', appImport)).toContainEqual({
      ruleId: 'boundaries/dependencies',
      message: 'store may not import app: not an arrow of README.md, Architecture',
    });
  });

  it('refuses a file outside every known folder', { timeout: 120_000 }, async () => {
    const messages = await lintAs('src/elsewhere/stray.ts', 'export const stray = 1;\n');
    expect(messages.map((m) => m.ruleId)).toContain('boundaries/no-unknown-files');
  });
});

describe('import cycles (npm run lint:cycles)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-cycles-'));
    for (const folder of ['src', 'bench', 'test', 'scripts']) mkdirSync(path.join(dir, folder));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the lint:cycles command of package.json in `dir`. */
  async function lintCycles(): Promise<{ code: number; output: string }> {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const [command, ...args] = scripts['lint:cycles']!.split(' ');
    expect(command).toBe('madge');
    const madge = path.join(root, 'node_modules', '.bin', 'madge');
    try {
      const { stdout, stderr } = await promisify(execFile)(madge, args, { cwd: dir });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, output: failed.stdout + failed.stderr };
    }
  }

  it(
    'passes on modules without a cycle and fails naming the cycle when two modules import each other',
    {
      timeout: 120_000,
    },
    async () => {
      writeFileSync(path.join(dir, 'src', 'a.ts'), "import { b } from './b.ts';\nexport const a = () => b;\n");
      writeFileSync(path.join(dir, 'src', 'b.ts'), 'export const b = 1;\n');
      expect(await lintCycles()).toMatchObject({ code: 0 });

      writeFileSync(path.join(dir, 'src', 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
      const failed = await lintCycles();
      expect(failed.code).not.toBe(0);
      expect(failed.output).toMatch(/Found 1 circular dependency/);
      expect(failed.output).toMatch(/src\/a\.ts > src\/b\.ts/);
    },
  );
});

describe('use-case files (one exported function per verb, test/support/use-case-files.ts)', () => {
  it('holds for every file of src/app', () => {
    const files = appFiles(root);
    expect(files.length).toBeGreaterThan(100);
    expect(useCaseFileProblems(files)).toEqual([]);
  });

  it('counts functions, arrow constants and re-exported values, not types or other constants', () => {
    const code = [
      'export function createUser() {}',
      'export const renameUser = async () => {};',
      'export const limit = 3;',
      'export interface User { id: string }',
      "export { checkDerived as checkDose } from '../derived/check-derived.ts';",
      "export type { Store } from '../../store/store.ts';",
    ].join('\n');
    expect(exportedFunctions('x.ts', code)).toEqual(['createUser', 'renameUser', 'checkDose']);
  });

  it('refuses an operations module, and a use-case file exporting a second function', () => {
    const verb = 'export function createPartner() {}\n';
    expect(
      useCaseFileProblems([
        { file: 'src/app/partners/operations.ts', code: verb },
        { file: 'src/app/partners/create-partner.ts', code: verb + 'export function updatePartner() {}\n' },
        {
          file: 'src/app/partners/delete-partner.ts',
          code: "export const deletePartner = () => 1;\nexport { restorePartner } from './restore-partner.ts';\n",
        },
      ]),
    ).toEqual([
      'src/app/partners/operations.ts: src/app holds no operations modules; put each use case in a file named for it',
      'src/app/partners/create-partner.ts: a use-case file exports its one function createPartner, but also exports ' +
        'updatePartner; give each use case its own file and move shared helpers to a helper file',
      'src/app/partners/delete-partner.ts: a use-case file exports its one function deletePartner, but also exports ' +
        'restorePartner; give each use case its own file and move shared helpers to a helper file',
    ]);
  });

  it('lets a use-case file keep types and constants, and a helper file export several functions', () => {
    expect(
      useCaseFileProblems([
        {
          file: 'src/app/partners/create-partner.ts',
          code: 'export type Kind = string;\nexport const rank = 1;\nexport function createPartner() {}\n',
        },
        {
          file: 'src/app/partners/partner-records.ts',
          code: 'export function checkParent() {}\nexport function checkContactPartner() {}\n',
        },
      ]),
    ).toEqual([]);
  });
});
