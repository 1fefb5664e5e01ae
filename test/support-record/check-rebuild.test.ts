import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDerived, type DerivedDifference } from '../../src/app/derived/check-derived.ts';
import { rebuildDerived } from '../../src/app/derived/rebuild-derived.ts';
import { deleteEngagement } from '../../src/app/engagements/delete-engagement.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { columnsOf, rowKey, type DerivedDeclaration } from '../../src/domain/support/derived/declaration.ts';
import { derivedTables } from '../../src/domain/support/derived/registry.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { killHard, runPraxis, spawnPraxis } from '../support/cli.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

type Row = Record<string, string | number | null>;

/** What `tamper` did to one table. */
interface Tampered {
  table: string;
  /** The key (as the check names it) of the row given a wrong value, of the row deleted, and of the row added. */
  wrong: string;
  missing: string;
  extra: string;
}

const nextSteps = {
  table: 'interaction_next_steps',
  keyName: (r: Row) => `${r.interaction_id} #${r.position}`,
};

/**
 * Gives one stored row of the organization a wrong value (its first value column, plus one), deletes
 * another, and adds a copy of the first under a key no raw row gives (its month moved far back). Made
 * from the declarations alone: the same for every derived table.
 */
async function tamper(t: TestDatabase, organizationId: string, declaration: DerivedDeclaration): Promise<Tampered> {
  const db = t.store.database.db;
  const key = Object.keys(declaration.key);
  const value = columnsOf(declaration).find(([c]) => !key.includes(c))![0];
  const { rows } = await sql<Row>`select * from ${sql.table(declaration.table)}
    where organization_id = ${organizationId} order by ${sql.join(key.map((k) => sql.ref(k)))}`.execute(db);
  expect(rows.length, declaration.table).toBeGreaterThanOrEqual(2);
  const [first, second] = [rows[0]!, rows[1]!];
  const where = (row: Row) =>
    sql.join([sql`organization_id = ${organizationId}`, ...key.map((k) => sql`${sql.ref(k)} = ${row[k]}`)], sql` and `);
  await sql`update ${sql.table(declaration.table)} set ${sql.ref(value)} = ${sql.ref(value)} + 1 where ${where(first)}`.execute(
    db,
  );
  await sql`delete from ${sql.table(declaration.table)} where ${where(second)}`.execute(db);
  const extra: Row = {
    ...first,
    [declaration.grain]: declaration.grain === 'calendar_month' ? '1999-01' : 999,
  };
  const columns = Object.keys(extra);
  await sql`insert into ${sql.table(declaration.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => extra[c]))})`.execute(db);
  const name = (row: Row) => rowKey(declaration, row);
  return { table: declaration.table, wrong: name(first), missing: name(second), extra: name(extra) };
}

async function tamperNextSteps(t: TestDatabase, organizationId: string): Promise<Tampered> {
  const db = t.store.database.db;
  const { rows } = await sql<Row>`select * from interaction_next_steps where organization_id = ${organizationId}
    order by interaction_id, position`.execute(db);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  const [first, second] = [rows[0]!, rows[1]!];
  await sql`update interaction_next_steps set owner = 'someone else'
    where interaction_id = ${first.interaction_id} and position = ${first.position}`.execute(db);
  await sql`delete from interaction_next_steps
    where interaction_id = ${second.interaction_id} and position = ${second.position}`.execute(db);
  const extra = { ...first, position: 99 };
  const columns = Object.keys(extra);
  await sql`insert into interaction_next_steps (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => extra[c as keyof typeof extra]))})`.execute(db);
  return {
    table: nextSteps.table,
    wrong: nextSteps.keyName(first),
    missing: nextSteps.keyName(second),
    extra: nextSteps.keyName(extra),
  };
}

/** The differences a check must list for tampered tables: per table, the wrong row, the missing one and the extra one. */
function expectExactly(differences: DerivedDifference[], tampered: Tampered[]): void {
  const kind = (d: DerivedDifference) => (d.stored === null ? 'missing' : d.recomputed === null ? 'extra' : 'wrong');
  const listed = differences.map((d) => `${d.table} ${kind(d)} ${d.key}`).sort();
  const expected = tampered
    .flatMap((t) => [`${t.table} wrong ${t.wrong}`, `${t.table} missing ${t.missing}`, `${t.table} extra ${t.extra}`])
    .sort();
  expect(listed).toEqual(expected);
}

describe.each(engines)('praxis check and praxis rebuild on %s', { timeout: 180_000 }, (engine) => {
  let t: TestDatabase;
  let orgs: { id: string; slug: string }[];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    orgs = [];
    for (const name of ['First', 'Second']) {
      const { organization, admin } = await buildOrganization(t.store, `${name} organization`);
      orgs.push({ id: organization.id, slug: organization.slug });
      const actor = admin.userId;
      // Two engagements, one starting mid-month, with interactions over three calendar months, and a
      // deleted engagement whose interaction stays live (its next step stays indexed, its rows go).
      const first = (await buildEngagement(t.store, organization.id, actor, '2020-01-01')).engagement;
      const second = (await buildEngagement(t.store, organization.id, actor, '2020-01-15')).engagement;
      for (const [engagement, date] of [
        [first, '2020-02-03'],
        [first, '2020-03-10'],
        [second, '2020-02-20'],
        [second, '2020-04-02'],
      ] as const)
        await logInteraction(
          t.store,
          organization.id,
          typicalInteraction(engagement.id, {
            date,
            mode: date < '2020-03' ? 'video' : 'in-person',
            principles: [
              { principleId: 'relationship-centered', rating: 4 },
              { principleId: 'strengths-based', rating: null },
            ],
          }),
          actor,
        );
      const gone = (await buildEngagement(t.store, organization.id, actor, '2020-01-01')).engagement;
      await logInteraction(t.store, organization.id, typicalInteraction(gone.id, { date: '2020-02-11' }), actor);
      await deleteEngagement(t.store, organization.id, gone.id, gone.version, actor);
    }
  });
  afterAll(async () => t.dispose());

  it('finds a wrong, a missing and an extra row in every derived table and the next-step index, and rebuild repairs them', async () => {
    for (const org of orgs) expect(await checkDerived(t.store.tenant(org.id))).toEqual([]);
    const tampered: Tampered[] = [];
    for (const declaration of derivedTables) tampered.push(await tamper(t, orgs[0]!.id, declaration));
    const differences = await checkDerived(t.store.tenant(orgs[0]!.id));
    expectExactly(differences, tampered);
    const wrong = differences.find((d) => d.table === 'engagement_month_dose' && d.stored && d.recomputed)!;
    expect(wrong.stored!.interactions).toBe((wrong.recomputed!.interactions as number) + 1);
    expect(await checkDerived(t.store.tenant(orgs[1]!.id))).toEqual([]);

    await rebuildDerived(t.store, orgs[0]!.id);
    expect(await checkDerived(t.store.tenant(orgs[0]!.id))).toEqual([]);
  });

  it('lists every difference of the next-step index', async () => {
    const db = t.store.database.db;
    const { rows: kept } = await sql<Row>`select * from interaction_next_steps
      where organization_id = ${orgs[0]!.id}`.execute(db);
    const tampered = await tamperNextSteps(t, orgs[0]!.id);
    expectExactly(await checkDerived(t.store.tenant(orgs[0]!.id)), [tampered]);
    // The index is kept by the interactions' own writes, not by the rebuild: put it back as it was.
    await sql`delete from interaction_next_steps where organization_id = ${orgs[0]!.id}`.execute(db);
    for (const row of kept) {
      const columns = Object.keys(row);
      await sql`insert into interaction_next_steps (${sql.join(columns.map((c) => sql.ref(c)))})
        values (${sql.join(columns.map((c) => row[c]))})`.execute(db);
    }
    expect(await checkDerived(t.store.tenant(orgs[0]!.id))).toEqual([]);
  });

  it('rewrites a table that is wholly wrong or empty', async () => {
    const db = t.store.database.db;
    await sql`update component_month_dose set minutes = minutes + 7 where organization_id = ${orgs[0]!.id}`.execute(db);
    await sql`delete from activity_month_use where organization_id = ${orgs[0]!.id}`.execute(db);
    await sql`delete from organization_month_dose where organization_id = ${orgs[0]!.id}`.execute(db);
    const differences = await checkDerived(t.store.tenant(orgs[0]!.id));
    expect(new Set(differences.map((d) => d.table))).toEqual(
      new Set(['component_month_dose', 'activity_month_use', 'organization_month_dose']),
    );
    await rebuildDerived(t.store, orgs[0]!.id);
    expect(await checkDerived(t.store.tenant(orgs[0]!.id))).toEqual([]);
  });

  it('praxis check and praxis rebuild --org limit themselves to the organization named', async () => {
    const [first, second] = [orgs[0]!, orgs[1]!];
    const tamperedFirst = await tamper(t, first.id, derivedTables[0]!);
    const tamperedSecond = await tamper(t, second.id, derivedTables[0]!);
    const checkFirst = await runPraxis(['check', '--org', first.slug], t.env);
    expect(checkFirst.code).toBe(1);
    expect(checkFirst.stdout).toContain('3 differences found');
    expect(checkFirst.stdout).toContain(`${first.slug}  ${tamperedFirst.table}  ${tamperedFirst.missing}  stored=null`);
    expect(checkFirst.stdout).not.toContain(second.slug);

    const rebuilt = await runPraxis(['rebuild', '--org', second.slug], t.env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain('rebuilt the derived tables of 1 organization');
    expect(await checkDerived(t.store.tenant(second.id))).toEqual([]);
    expectExactly(await checkDerived(t.store.tenant(first.id)), [tamperedFirst]);
    expect(tamperedSecond.table).toBe(tamperedFirst.table);

    const all = await runPraxis(['rebuild'], t.env);
    expect(all.stdout).toContain('rebuilt the derived tables of 2 organizations');
    const check = await runPraxis(['check'], t.env);
    expect(check.stdout).toContain('rollups match raw data in 2 organizations');
    expect(check.code).toBe(0);
  });
});

describe.each(engines)('praxis rebuild killed with kill -9 on %s', { timeout: 300_000 }, (engine) => {
  let t: TestDatabase;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    orgId = (await seedDemo(t.store)).organizationId;
  });
  afterAll(async () => t.dispose());

  const differenceLines = async (): Promise<string[]> => {
    const check = await runPraxis(['check', '--org', orgId], t.env);
    return check.stdout.split('\n').filter((line) => line.includes('stored='));
  };

  it('leaves only differences that were there before, and a rebuild run again leaves none', async () => {
    const db = t.store.database.db;
    // Every row of two tables wrong, and rows missing: the rebuild rewrites them, run by run.
    await sql`update component_month_dose set minutes = minutes + 3 where organization_id = ${orgId}`.execute(db);
    await sql`delete from activity_month_use where organization_id = ${orgId} and calendar_month < '2023-01'`.execute(
      db,
    );
    await sql`update organization_month_dose set interactions = interactions + 1 where organization_id = ${orgId}`.execute(
      db,
    );
    const before = new Set(await differenceLines());
    expect(before.size).toBeGreaterThan(100);
    // Killed at ever later moments until one rebuild gets to its end on its own.
    let finished = false;
    for (let delay = 250; !finished && delay < 60_000; delay *= 2) {
      const child = spawnPraxis(['rebuild', '--org', orgId], t.env);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const outcome = await Promise.race([exited, new Promise<'timer'>((r) => setTimeout(() => r('timer'), delay))]);
      if (outcome === 'timer') await killHard(child);
      else {
        expect(outcome).toBe(0);
        finished = true;
      }
      const after = await differenceLines();
      for (const line of after) expect(before.has(line), line).toBe(true);
    }
    if (!finished) expect((await runPraxis(['rebuild', '--org', orgId], t.env)).code).toBe(0);
    const check = await runPraxis(['check', '--org', orgId], t.env);
    expect(check.stdout).toContain('rollups match raw data');
    expect(check.code).toBe(0);
  });
});
