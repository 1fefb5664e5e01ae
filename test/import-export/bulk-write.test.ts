import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { importInteractions } from '../../src/app/interactions/import-interactions.ts';
import { maxStatementParameters } from '../../src/store/repositories/interaction-import.ts';
import { engines } from '../support/databases.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { importWorld, writeCsv, type ImportWorld } from './files.ts';
import { longHeaderLine } from './large-file.ts';

/** More interactions than two full write statements (the interactions table has 20 columns). */
const manyInteractions = 2 * Math.floor(maxStatementParameters / 20) + 700;

const clock = (i: number): string =>
  `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

/** Rows of `count` interactions spread over months and two engagements, with one to three components each. */
function longLines(count: number, engagements: string[]): string[] {
  const lines: string[] = [];
  const components = [
    ['relating', 20, 'agree-roles;check-in'],
    ['assessing', 15, 'review-data'],
    ['co-designing', 10, ''],
  ] as const;
  for (let i = 0; i < count; i += 1) {
    const engagementId = engagements[i % engagements.length]!;
    const date = `202${1 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
    const shared = `${engagementId},${date},${clock(Math.floor(i / 336))},60,video,`;
    for (const [componentId, minutes, activities] of components.slice(0, 1 + (i % 3))) {
      lines.push(
        `k${i},${shared},${componentId},${minutes},${activities},relationship-centered:${1 + (i % 5)},individual=2,note ${i}`,
      );
    }
  }
  return lines;
}

async function tableCount(
  world: ImportWorld,
  table: 'interactions' | 'interaction_components' | 'history',
): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.table(table)} where organization_id = ${world.orgId}`.execute(
    world.t.store.database.db,
  );
  return Number(rows[0]!.n);
}

/** Everything an import writes, to check that a refused one left it all as it was. */
async function snapshotOf(world: ImportWorld) {
  const tenant = world.t.store.tenant(world.orgId);
  return {
    interactions: await tableCount(world, 'interactions'),
    components: await tableCount(world, 'interaction_components'),
    history: await tableCount(world, 'history'),
    engagementMonths: await tenant.dose.engagementMonths(),
    componentMonths: await tenant.dose.componentMonths(),
    organizationMonths: await tenant.dose.organizationByCalendarMonth(),
  };
}

describe.each(engines)('the bulk write of an import on %s', (engine) => {
  let world: ImportWorld;
  let secondEngagementId: string;

  beforeAll(async () => {
    world = await importWorld(engine);
    // A second engagement started later, so the same calendar month falls in another month of the relationship.
    secondEngagementId = (await buildEngagement(world.t.store, world.orgId, world.admin.userId, '2020-11-03'))
      .engagement.id;
    // An interaction logged one at a time before the import: the import's rollups must add to its months.
    await logInteraction(
      world.t.store,
      world.orgId,
      typicalInteraction(world.engagementId, { date: '2021-01-01' }),
      world.admin.userId,
    );
  });
  afterAll(() => world.dispose());

  it(
    'writes every interaction, its component rows and one history entry each, and keeps the rollups equal to a recomputation',
    { timeout: 120_000 },
    async () => {
      const before = await snapshotOf(world);
      const lines = longLines(manyInteractions, [world.engagementId, secondEngagementId]);
      const file = writeCsv(world.folder.file('good.csv'), [longHeaderLine, ...lines]);

      const report = await importInteractions(world.t.store, world.orgId, file, {
        kind: 'csv',
        dryRun: false,
        actor: world.admin.userId,
      });
      expect(report).toMatchObject({
        rowsRead: lines.length,
        interactions: manyInteractions,
        written: manyInteractions,
        errorCount: 0,
      });

      const after = await snapshotOf(world);
      expect(after.interactions - before.interactions).toBe(manyInteractions);
      expect(after.components - before.components).toBe(lines.length);
      expect(after.history - before.history).toBe(manyInteractions);
      expect(await checkDerived(world.t.store.tenant(world.orgId))).toEqual([]);

      // Each imported interaction has its first version in the history, by the importer, as the record reads.
      const tenant = world.t.store.tenant(world.orgId);
      const page = await tenant.interactions.list({ engagementId: secondEngagementId }, 50);
      expect(page.items).toHaveLength(50);
      for (const interaction of page.items) {
        expect(interaction).toMatchObject({ version: 1, loggedBy: world.admin.userId, deletedAt: null });
        const history = await tenant.history('interaction', interaction.id);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ action: 'create', actor: world.admin.userId, version: 1, changes: {} });
        expect(history[0]!.snapshot).toEqual(interaction);
      }
      // The component index answers the component filter.
      const coDesigning = await tenant.interactions.list(
        { engagementId: world.engagementId, componentId: 'co-designing' },
        10_000,
      );
      expect(coDesigning.items.every((i) => i.components.some((c) => c.componentId === 'co-designing'))).toBe(true);
      // Imported: i % 6 === 2 (the first engagement, three components); logged before: one.
      expect(coDesigning.items).toHaveLength(Math.ceil((manyInteractions - 2) / 6) + 1);
    },
  );

  it(
    'writes nothing, history and rollups included, when a row after several full batches is bad, and reports that row',
    { timeout: 120_000 },
    async () => {
      const before = await snapshotOf(world);
      const lines = longLines(manyInteractions, [world.engagementId, secondEngagementId]);
      const badRow = lines.length + 2;
      lines.push(`last,${world.engagementId},2019-06-01,10:00,30,phone,,coaching,20,,,,`);
      const file = writeCsv(world.folder.file('late-bad.csv'), [longHeaderLine, ...lines]);

      const report = await importInteractions(world.t.store, world.orgId, file, {
        kind: 'csv',
        dryRun: false,
        actor: world.admin.userId,
      });
      expect(report).toMatchObject({
        rowsRead: lines.length,
        interactions: manyInteractions + 1,
        written: 0,
        errorCount: 1,
      });
      expect(report.errors).toEqual([
        { row: badRow, column: 'date', message: 'is before the engagement started (2020-01-15)' },
      ]);
      expect(await snapshotOf(world)).toEqual(before);
      expect(await checkDerived(world.t.store.tenant(world.orgId))).toEqual([]);
    },
  );
});
