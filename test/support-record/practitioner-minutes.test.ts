import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteEngagement } from '../../src/app/engagements/delete-engagement.ts';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { updateInteraction } from '../../src/app/interactions/update-interaction.ts';
import * as practitionerComponentMonth from '../../src/store/migrations/2026-12-07T01-00-practitioner-component-month.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

describe.each(engines)('practitioner minutes per component and calendar month on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let admin: string;
  let practitioner: string;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    admin = built.admin.userId;
    practitioner = (await buildMember(t.store, orgId, 'practitioner')).userId;
    const first = (await buildEngagement(t.store, orgId, admin, '2020-01-01')).engagement;
    const second = (await buildEngagement(t.store, orgId, admin, '2020-01-15')).engagement;
    const log = (engagementId: string, date: string, actor: string, overrides = {}) =>
      logInteraction(t.store, orgId, typicalInteraction(engagementId, { date, ...overrides }), actor);
    await log(first.id, '2020-02-03', admin);
    await log(second.id, '2020-02-20', admin);
    await log(first.id, '2020-02-21', practitioner, {
      components: [{ componentId: 'relating', minutes: 15, activityIds: [] }],
    });
    const moved = await log(second.id, '2020-02-10', practitioner);
    // An edit moves one of the practitioner's interactions to March; a delete takes one of the admin's out.
    await updateInteraction(
      t.store,
      orgId,
      moved.id,
      moved.version,
      typicalInteraction(second.id, { date: '2020-03-02' }),
      practitioner,
    );
    const gone = await log(first.id, '2020-02-25', admin);
    await deleteInteraction(t.store, orgId, gone.id, gone.version, admin);
    // A deleted engagement's interactions count nowhere.
    const third = (await buildEngagement(t.store, orgId, admin, '2020-01-01')).engagement;
    await log(third.id, '2020-02-11', practitioner);
    await deleteEngagement(t.store, orgId, third.id, third.version, admin);
  });
  afterAll(async () => t.dispose());

  it('sum each practitioner’s component minutes per calendar month over the live interactions of live engagements', async () => {
    const tenant = t.store.tenant(orgId);
    const rows = await tenant.dose.practitionerComponentMinutes({ practitionerIds: null });
    const of = (who: string) =>
      rows.filter((r) => r.practitionerId === who).map(({ practitionerId: _p, ...rest }) => rest);
    // typicalInteraction: relating 20, assessing 40, co-designing 25 minutes.
    expect(of(admin)).toEqual([
      { calendarMonth: '2020-02', componentId: 'assessing', interactions: 2, minutes: 80 },
      { calendarMonth: '2020-02', componentId: 'co-designing', interactions: 2, minutes: 50 },
      { calendarMonth: '2020-02', componentId: 'relating', interactions: 2, minutes: 40 },
    ]);
    expect(of(practitioner)).toEqual([
      { calendarMonth: '2020-02', componentId: 'relating', interactions: 1, minutes: 15 },
      { calendarMonth: '2020-03', componentId: 'assessing', interactions: 1, minutes: 40 },
      { calendarMonth: '2020-03', componentId: 'co-designing', interactions: 1, minutes: 25 },
      { calendarMonth: '2020-03', componentId: 'relating', interactions: 1, minutes: 20 },
    ]);
    expect(
      await tenant.dose.practitionerComponentMinutes({ practitionerIds: [practitioner], fromMonth: '2020-03' }),
    ).toEqual(
      of(practitioner)
        .slice(1)
        .map((r) => ({ practitionerId: practitioner, ...r })),
    );
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('is filled by its migration from the live interactions of live engagements, and removed by its down migration', async () => {
    const db = t.store.database.db;
    const migrationDb = db as unknown as Parameters<typeof practitionerComponentMonth.up>[0];
    const tenant = t.store.tenant(orgId);
    const before = await tenant.dose.practitionerComponentMinutes({ practitionerIds: null });
    expect(before.length).toBe(7);
    await practitionerComponentMonth.down(migrationDb);
    await expect(sql`select count(*) from practitioner_component_month`.execute(db)).rejects.toThrow();
    await practitionerComponentMonth.up(migrationDb);
    expect(await tenant.dose.practitionerComponentMinutes({ practitionerIds: null })).toEqual(before);
    expect(await checkDerived(tenant)).toEqual([]);
  });

  it('is checked like every declared table: a tampered row is reported', async () => {
    const db = t.store.database.db;
    await sql`update practitioner_component_month set minutes = minutes + 1 where practitioner_id = ${practitioner} and calendar_month = '2020-02'`.execute(
      db,
    );
    const differences = await checkDerived(t.store.tenant(orgId));
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({
      table: 'practitioner_component_month',
      stored: { interactions: 1, minutes: 16 },
      recomputed: { interactions: 1, minutes: 15 },
    });
  });
});
