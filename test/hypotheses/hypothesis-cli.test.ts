import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationHash } from '../../src/domain/hypotheses/content-hash.ts';
import { HypothesisRegistration } from '../../src/domain/hypotheses/registration.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildTailoringStudy, tailoringRegistration } from '../support/hypothesis-data.ts';

describe('praxis hypothesis', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let orgId: string;
  let dir: string;
  let id: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    await buildTailoringStudy(t.store, orgId, admin.userId, [0, 1, 1, 2, 3, 3]);
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-hypothesis-'));
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('refuses an invalid registration file naming each field, and writes nothing', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...tailoringRegistration,
        test: 't-test',
        outcome: { ...tailoringRegistration.outcome, atMonth: 0 },
      }),
    );
    const result = await runPraxis(['hypothesis', 'register', file, '--org', orgId], t.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a valid hypothesis registration');
    expect(result.stderr).toContain('outcome.atMonth:');
    expect(result.stderr).toContain('test:');
    const wrongLink = path.join(dir, 'link.json');
    writeFileSync(wrongLink, JSON.stringify({ ...tailoringRegistration, linkId: 'no-such-link' }));
    const refused = await runPraxis(['hypothesis', 'register', wrongLink, '--org', orgId], t.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('linkId: model eis-toc@1.0.0 has no link "no-such-link"');
    expect((await runPraxis(['hypothesis', 'list', '--org', orgId], t.env)).stdout).toContain('No hypotheses yet');
  });

  it('registers from YAML and locks with the content hash; runs only once locked', async () => {
    const file = path.join(dir, 'tailoring.yaml');
    writeFileSync(file, stringify(tailoringRegistration));
    const registered = await runPraxis(['hypothesis', 'register', file, '--org', orgId, '--json'], t.env);
    expect(registered.code).toBe(0);
    const draft = JSON.parse(registered.stdout);
    expect(draft.status).toBe('draft');
    id = draft.id;

    const early = await runPraxis(['hypothesis', 'run', id, '--org', orgId], t.env);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Lock the hypothesis before running it');

    const locked = await runPraxis(['hypothesis', 'lock', id, '--org', orgId], t.env);
    expect(locked.code).toBe(0);
    expect(locked.stdout).toContain(
      `sha256 ${await registrationHash(HypothesisRegistration.parse(tailoringRegistration))}`,
    );
  });

  it('runs, reports against the registration, and lists the verdict', async () => {
    const run = await runPraxis(['hypothesis', 'run', id, '--org', orgId], t.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^(Supported|Inconclusive|Contradicted): registered a positive association/);
    expect(run.stdout).toContain("method: Spearman's rank correlation rho");
    expect(run.stdout).toContain('reference: Spearman (1904)');
    expect(run.stdout).toContain('n = 6; engagements used 6 of 6');
    expect(run.stdout).toMatch(/Spearman ρ = 0\.\d+ \(95% CI /);
    const verdict = run.stdout.split(':')[0]!.toLowerCase();

    const list = await runPraxis(['hypothesis', 'list', '--org', orgId, '--json'], t.env);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id, status: 'locked', latestRun: { verdict } }]);
  });
});
