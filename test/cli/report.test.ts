import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

// Real `praxis` processes start slowly on a loaded machine.
describe('praxis report', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let engagementId: string;
  let orgSlug: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const { organization, admin } = await buildOrganization(t.store, 'Report Org');
    orgSlug = organization.slug;
    engagementId = (await buildEngagement(t.store, organization.id, admin.userId)).engagement.id;
    await logInteraction(
      t.store,
      organization.id,
      typicalInteraction(engagementId, { notes: 'Planning <b>session</b>' }),
      admin.userId,
    );
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('writes the engagement report as HTML and as PDF, finding the organization by the engagement', async () => {
    const html = path.join(t.env.DATA_DIR!, 'engagement.html');
    const result = await runPraxis(['report', 'engagement', engagementId, '--format', 'html', '--out', html], t.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`wrote ${html}\n`);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<h2>Component mix by month of relationship</h2>');
    expect(page).toContain('Planning &lt;b&gt;session&lt;/b&gt;');
    expect(page).toContain('<svg ');

    const pdf = path.join(t.env.DATA_DIR!, 'engagement.pdf');
    expect((await runPraxis(['report', 'engagement', engagementId, '--format', 'pdf', '--out', pdf], t.env)).code).toBe(
      0,
    );
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes the organization report for a period, and refuses a bad month or format naming the option', async () => {
    const pdf = path.join(t.env.DATA_DIR!, 'organization.pdf');
    const result = await runPraxis(
      [
        'report',
        'organization',
        '--org',
        orgSlug,
        '--format',
        'pdf',
        '--from',
        '2020-01',
        '--to',
        '2020-12',
        '--out',
        pdf,
      ],
      t.env,
    );
    expect(result.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const badMonth = await runPraxis(
      ['report', 'organization', '--org', orgSlug, '--from', '2020-13', '--out', pdf],
      t.env,
    );
    expect(badMonth.code).toBe(1);
    expect(badMonth.stderr).toContain('--from: must be a month YYYY-MM');
    const badFormat = await runPraxis(['report', 'engagement', engagementId, '--format', 'docx', '--out', pdf], t.env);
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toContain('--format');
    const unknown = await runPraxis(['report', 'engagement', 'no-such-engagement', '--out', pdf], t.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Engagement "no-such-engagement" not found');
  });
});
