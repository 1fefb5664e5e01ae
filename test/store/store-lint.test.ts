import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** The rules the project's lint reports for `code` as if it were the file at `file`. */
async function lintRules(code: string, file: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId);
}

describe('lint of the store', () => {
  const migration = 'src/store/migrations/2099-01-01T00-00-probe.ts';

  it('refuses a migration that imports live domain, analysis or application code, or live store code', async () => {
    for (const from of [
      '../../domain/support/months.ts',
      '../../analysis/index.ts',
      '../../app/interactions/log-interaction.ts',
      '../schema.ts',
      '../repositories/dose.ts',
    ])
      // The migration rule refuses it; where the module exists, the layer boundaries refuse it too.
      expect(await lintRules(`import { x } from '${from}';\nexport const y = x;\n`, migration), from).toContain(
        'no-restricted-imports',
      );
  });

  it('passes a migration that imports only Kysely', async () => {
    expect(
      await lintRules(
        "import type { Kysely } from 'kysely';\nexport async function up(db: Kysely<Record<string, Record<string, unknown>>>): Promise<void> {\n  await db.schema.createTable('t').addColumn('id', 'text').execute();\n}\n",
        migration,
      ),
    ).toEqual([]);
  });

  it('refuses `any` in the store, even under a comment that switches the rule off', async () => {
    const repository = 'src/store/repositories/probe.ts';
    expect(await lintRules('export const loose = (x: unknown) => x as any;\n', repository)).toEqual([
      '@typescript-eslint/no-explicit-any',
    ]);
    expect(
      await lintRules(
        '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const loose = (x: unknown) => x as any;\n',
        repository,
      ),
    ).toEqual(['@eslint-community/eslint-comments/no-restricted-disable']);
    expect(await lintRules('export const typed = (x: unknown) => x as string;\n', repository)).toEqual([]);
  });
});
