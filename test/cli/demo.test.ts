import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { runPraxis } from '../support/cli.ts';

describe('the demo in the database', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(async () => t.dispose());

  it('saves the generated network, engagements and about 750 interactions, with rollups equal to raw data', async () => {
    const result = await seedDemo(t.store);
    expect(result.created).toBe(true);
    const tenant = t.store.tenant(result.organizationId);
    const partners = await tenant.partners.list();
    expect(new Set(partners.filter((p) => p.kind === 'system').map((p) => p.stateOrCountry)).size).toBe(2);
    expect(new Set(partners.map((p) => p.region).filter(Boolean)).size).toBe(13);
    const interactions = await tenant.interactions.allLive();
    expect(interactions.length).toBeGreaterThan(700);
    expect(interactions.length).toBeLessThan(800);
    expect(interactions.every((i) => i.notes.startsWith('Synthetic'))).toBe(true);
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('is reproducible and resettable', async () => {
    const first = await t.store
      .tenant((await seedDemo(t.store, { reset: true })).organizationId)
      .interactions.allLive();
    const second = await t.store
      .tenant((await seedDemo(t.store, { reset: true })).organizationId)
      .interactions.allLive();
    const strip = (list: typeof first) =>
      list.map(
        ({ id: _i, createdAt: _c, updatedAt: _u, engagementId: _e, loggedBy: _l, participants: _p, ...rest }) => rest,
      );
    expect(strip(second)).toEqual(strip(first));
    expect((await seedDemo(t.store)).created).toBe(false);
  });
});

describe('praxis demo', { timeout: 180_000 }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-demo-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the demo, praxis check confirms its rollups, and praxis rebuild repairs them', async () => {
    const demo = await runPraxis(['demo'], { DATA_DIR: dataDir });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/created with \d{3} synthetic interactions/);
    const check = await runPraxis(['check'], { DATA_DIR: dataDir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('rollups match raw data');

    const db = new SqliteDatabase(path.join(dataDir, 'praxis.db'));
    db.prepare(
      'update engagement_month_dose set minutes = minutes + 5 where rowid = (select min(rowid) from engagement_month_dose)',
    ).run();
    db.close();
    const tampered = await runPraxis(['check'], { DATA_DIR: dataDir });
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/engagement_month_dose .* stored=\{"interactions":\d+,"minutes":\d+\}/);
    expect(tampered.stdout).toContain('1 difference found');

    const again = new SqliteDatabase(path.join(dataDir, 'praxis.db'));
    again
      .prepare(
        'delete from organization_component_month_dose where rowid = (select min(rowid) from organization_component_month_dose)',
      )
      .run();
    again.close();
    const rebuilt = await runPraxis(['rebuild'], { DATA_DIR: dataDir });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('rebuilt the derived tables of 1 organization');
    const afterRebuild = await runPraxis(['check'], { DATA_DIR: dataDir });
    expect(afterRebuild.code).toBe(0);
    expect(afterRebuild.stdout).toContain('rollups match raw data');
  });
});
