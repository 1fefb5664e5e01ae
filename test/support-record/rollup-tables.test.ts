import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteEngagement } from '../../src/app/engagements/delete-engagement.ts';
import { organizationDashboard } from '../../src/app/engagements/overview.ts';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import * as organizationDose from '../../src/store/migrations/2026-11-26T20-00-organization-dose.ts';
import * as engagementPage from '../../src/store/migrations/2026-11-26T20-30-engagement-page.ts';
import * as relationshipMonthDose from '../../src/store/migrations/2026-11-27T01-00-relationship-month-dose.ts';
import * as nextStepDueMonth from '../../src/store/migrations/2026-12-07T23-04-next-step-due-month.ts';
import * as practiceUseRollups from '../../src/store/migrations/2026-11-27T01-10-practice-use-rollups.ts';
import * as calendarComponentDose from '../../src/store/migrations/2026-12-07T23-03-organization-calendar-component-dose.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/** Migrations take the database untyped (they see the schema as it was then). */
const asMigrationDb = (db: unknown) => db as Parameters<typeof organizationDose.up>[0];

describe.each(engines)('organization rollups, principle use and the next-step index on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let actor: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    actor = admin.userId;
    // Two engagements; the second starts mid-month, so two of its relationship months meet in one calendar month.
    const first = (await buildEngagement(t.store, orgId, actor, '2020-01-01')).engagement;
    const second = (await buildEngagement(t.store, orgId, actor, '2020-01-15')).engagement;
    const log = (engagementId: string, date: string, overrides = {}) =>
      logInteraction(t.store, orgId, typicalInteraction(engagementId, { date, ...overrides }), actor);
    await log(first.id, '2020-02-03');
    await log(first.id, '2020-02-20', {
      principles: [
        { principleId: 'relationship-centered', rating: null },
        { principleId: 'strengths-based', rating: 2 },
      ],
    });
    await log(second.id, '2020-02-10', {
      nextSteps: [{ text: 'Done already', owner: 'ISP', dueDate: null, done: true }],
    });
    const late = await log(second.id, '2020-02-20');
    await log(second.id, '2020-03-05');
    // Removing the second engagement's only interaction of its relationship month 2 leaves it in February through month 1.
    await deleteInteraction(t.store, orgId, late.id, late.version, actor);
    const third = (await buildEngagement(t.store, orgId, actor, '2020-01-01')).engagement;
    await log(third.id, '2020-02-11');
    await deleteEngagement(t.store, orgId, third.id, third.version, actor);
  });
  afterAll(async () => t.dispose());

  it('count each engagement once per calendar month and follow deletes of interactions and engagements', async () => {
    const tenant = t.store.tenant(orgId);
    expect(await tenant.dose.organizationByCalendarMonth()).toEqual([
      { calendarMonth: '2020-02', interactions: 3, minutes: 270, engagements: 2 },
      { calendarMonth: '2020-03', interactions: 1, minutes: 90, engagements: 1 },
    ]);
    expect(
      (await tenant.dose.organizationComponentsByCalendarMonth()).filter((c) => c.componentId === 'assessing'),
    ).toEqual([
      { calendarMonth: '2020-02', componentId: 'assessing', interactions: 3, minutes: 120, activityUses: 6 },
      { calendarMonth: '2020-03', componentId: 'assessing', interactions: 1, minutes: 40, activityUses: 2 },
    ]);
    const dashboard = await organizationDashboard(tenant, '2020-06-01');
    expect(dashboard.counts).toEqual({
      partners: 3,
      engagements: 2,
      activeEngagements: 2,
      interactions: 4,
      minutes: 360,
    });
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('report every tampered row of the new tables in the check', async () => {
    const db = t.store.database.db;
    const tamper = async (sign: '+' | '-') => {
      await sql`update organization_month_dose set engagements = engagements ${sql.raw(sign)} 1 where calendar_month = '2020-03'`.execute(
        db,
      );
      await sql`update organization_component_month_dose set minutes = minutes ${sql.raw(sign)} 1 where component_id = 'relating' and calendar_month = '2020-02'`.execute(
        db,
      );
      await sql`update principle_month_use set rating_sum = rating_sum ${sql.raw(sign)} 1 where principle_id = 'strengths-based'`.execute(
        db,
      );
    };
    await tamper('+');
    await sql`update interaction_next_steps set owner = 'someone else'`.execute(db);
    const differences = await checkDerived(t.store.tenant(orgId));
    expect(differences.map((d) => d.table).sort()).toEqual([
      'interaction_next_steps',
      'interaction_next_steps',
      'interaction_next_steps',
      'interaction_next_steps',
      'organization_component_month_dose',
      'organization_month_dose',
      'principle_month_use',
    ]);
    expect(differences.find((d) => d.table === 'organization_month_dose')).toEqual({
      table: 'organization_month_dose',
      key: '2020-03',
      stored: { interactions: 1, minutes: 90, engagements: 2 },
      recomputed: { interactions: 1, minutes: 90, engagements: 1 },
    });
    await tamper('-');
    await sql`update interaction_next_steps set owner = 'ISP'`.execute(db);
    expect(await checkDerived(t.store.tenant(orgId))).toEqual([]);
  });

  it('keep open next steps by owner and due month, filled by their migration from the next-step index of live engagements', async () => {
    const db = t.store.database.db;
    const tenant = t.store.tenant(orgId);
    const count = async (table: string) =>
      Number((await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
    const before = await tenant.interactions.overdueByOwner('2099-01-01');
    expect(before.length).toBeGreaterThan(0);
    expect(await count('organization_next_step_due_month')).toBeGreaterThan(0);
    await nextStepDueMonth.down(asMigrationDb(db));
    await expect(count('next_step_due_month')).rejects.toThrow();
    await nextStepDueMonth.up(asMigrationDb(db));
    expect(await tenant.interactions.overdueByOwner('2099-01-01')).toEqual(before);
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('are filled by their migrations from what is stored, and removed by their down migrations', async () => {
    const db = t.store.database.db;
    const tenant = t.store.tenant(orgId);
    const before = {
      months: await tenant.dose.organizationByCalendarMonth(),
      principles: await tenant.dose.principleMonths(),
      steps: await tenant.interactions.openNextSteps(),
    };
    expect(before.principles.length).toBeGreaterThan(0);
    expect(before.steps).toHaveLength(4); // the deleted engagement's interaction is still live, so its step stays indexed
    await engagementPage.down(asMigrationDb(db));
    await organizationDose.down(asMigrationDb(db));
    await expect(sql`select count(*) from organization_month_dose`.execute(db)).rejects.toThrow();
    await organizationDose.up(asMigrationDb(db));
    await engagementPage.up(asMigrationDb(db));
    expect({
      months: await tenant.dose.organizationByCalendarMonth(),
      principles: await tenant.dose.principleMonths(),
      steps: await tenant.interactions.openNextSteps(),
    }).toEqual(before);
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('keep one row per month of the relationship, filled by its migration from the engagement months, and moved back by its down migration', async () => {
    const db = t.store.database.db;
    const tenant = t.store.tenant(orgId);
    const before = await tenant.dose.relationshipMonths();
    // The second engagement started mid-month: its month 1 spans January and February.
    expect(before.filter((m) => m.diversity !== null).length).toBe(before.length);
    expect(before.some((m) => m.relationshipMonth === 2)).toBe(true);
    await practiceUseRollups.down(asMigrationDb(db));
    await relationshipMonthDose.down(asMigrationDb(db));
    await expect(sql`select count(*) from relationship_month_dose`.execute(db)).rejects.toThrow();
    const moved = await sql<{ engagement_id: string; relationship_month: number; dominant_component: string | null }>`
      select engagement_id, relationship_month, dominant_component from engagement_month_dose where organization_id = ${orgId}`.execute(
      db,
    );
    for (const row of moved.rows) {
      expect(row.dominant_component).toBe(
        before.find(
          (m) => m.engagementId === row.engagement_id && m.relationshipMonth === Number(row.relationship_month),
        )?.diversity?.dominantComponent,
      );
    }
    await relationshipMonthDose.up(asMigrationDb(db));
    await practiceUseRollups.up(asMigrationDb(db));
    expect(await tenant.dose.relationshipMonths()).toEqual(before);
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('keep mode and practice-activity use per engagement and organization month, filled by their migration from the live interactions of live engagements', async () => {
    const db = t.store.database.db;
    const tenant = t.store.tenant(orgId);
    const read = async () => ({
      modes: await tenant.dose.modeMonths(),
      activities: await tenant.dose.activityMonths(),
      organization: await tenant.dose.organizationPracticeByCalendarMonth(),
    });
    const before = await read();
    expect(before.modes.length).toBeGreaterThan(0);
    expect(before.activities.length).toBeGreaterThan(0);
    expect(before.organization.principleMonths.length).toBeGreaterThan(0);
    // The deleted engagement's live interaction counts nowhere.
    const deleted = (await tenant.engagements.list({ includeDeleted: true }))
      .filter((e) => e.deletedAt !== null)
      .map((e) => e.id);
    expect(deleted).toHaveLength(1);
    expect(before.modes.some((m) => deleted.includes(m.engagementId))).toBe(false);
    await practiceUseRollups.down(asMigrationDb(db));
    await expect(sql`select count(*) from mode_month_use`.execute(db)).rejects.toThrow();
    await practiceUseRollups.up(asMigrationDb(db));
    const after = await read();
    const sorted = (rows: readonly object[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(after.modes)).toEqual(sorted(before.modes));
    expect(sorted(after.activities)).toEqual(sorted(before.activities));
    for (const part of ['modeMonths', 'principleMonths', 'activityMonths'] as const)
      expect(sorted(after.organization[part])).toEqual(sorted(before.organization[part]));
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it("keep the organization's component mix per calendar month and month of the relationship, filled by its migration from the component rows of live engagements", async () => {
    const db = t.store.database.db;
    const read = async () =>
      (
        await sql<
          Record<string, unknown>
        >`select calendar_month, relationship_month, component_id, interactions, minutes, activity_uses
          from organization_calendar_component_dose where organization_id = ${orgId}
          order by calendar_month, relationship_month, component_id`.execute(db)
      ).rows.map((r) =>
        JSON.stringify([
          r.calendar_month,
          Number(r.relationship_month),
          r.component_id,
          Number(r.interactions),
          Number(r.minutes),
          Number(r.activity_uses),
        ]),
      );
    const before = await read();
    // The second engagement's February holds its months 1 and 2 of the relationship: both have rows.
    expect(
      (
        await sql<{
          n: number;
        }>`select count(distinct relationship_month) as n from organization_calendar_component_dose
          where organization_id = ${orgId} and calendar_month = '2020-02'`.execute(db)
      ).rows.map((r) => Number(r.n)),
    ).toEqual([2]);
    await calendarComponentDose.down(asMigrationDb(db));
    await expect(sql`select count(*) from organization_calendar_component_dose`.execute(db)).rejects.toThrow();
    await calendarComponentDose.up(asMigrationDb(db));
    expect(await read()).toEqual(before);
    expect(await checkDerived(t.store.tenant(orgId))).toEqual([]);
  });
});
