import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import type { TableInteraction } from '../../src/domain/support/interaction-rows.ts';
import type { Interaction } from '../../src/domain/support/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/** Reading every live interaction a page at a time, oldest first, as the research export does. */
describe.each(engines)('streaming live interactions on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let logged: Interaction[];
  let engagementIds: string[];
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const { organization, admin } = await buildOrganization(t.store);
    orgId = organization.id;
    const engagements = [
      (await buildEngagement(t.store, orgId, admin.userId, '2020-01-01')).engagement,
      (await buildEngagement(t.store, orgId, admin.userId, '2020-01-01')).engagement,
    ];
    engagementIds = engagements.map((e) => e.id);
    logged = [];
    // Several interactions share a date, so pages must break ties by id.
    for (let i = 0; i < 17; i++)
      logged.push(
        await logInteraction(
          t.store,
          orgId,
          typicalInteraction(engagements[i % 2]!.id, { date: `2020-0${2 + (i % 4)}-1${i % 3}` }),
          admin.userId,
        ),
      );
    const removed = logged.splice(5, 1)[0]!;
    await deleteInteraction(t.store, orgId, removed.id, removed.version, admin.userId);
  });
  afterAll(async () => t.dispose());

  const collect = async (iterable: AsyncIterable<Interaction>) => {
    const all: Interaction[] = [];
    for await (const i of iterable) all.push(i);
    return all;
  };
  const oldestFirst = (list: Interaction[]) =>
    [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)).map((i) => i.id);

  it('yields every live interaction once, oldest first, whatever the page size', async () => {
    const interactions = t.store.tenant(orgId).interactions;
    for (const pageSize of [1, 3, 16, 1000])
      expect((await collect(interactions.eachLive({}, pageSize))).map((i) => i.id)).toEqual(oldestFirst(logged));
  });

  it('pages the fields the table layouts write, newest first, as the API lists them, whatever the page size', async () => {
    const interactions = t.store.tenant(orgId).interactions;
    const newestFirst = oldestFirst(logged).reverse();
    expect((await interactions.list({}, 1000)).items.map((i) => i.id)).toEqual(newestFirst);
    for (const pageSize of [1, 3, 16, 1000]) {
      const pages: TableInteraction[][] = [];
      for await (const page of interactions.livePagesForTables(pageSize)) pages.push(page);
      expect(pages.flat().map((i) => i.id)).toEqual(newestFirst);
      expect(pages.every((page) => page.length > 0 && page.length <= pageSize)).toBe(true);
    }
    const { value: page } = await interactions.livePagesForTables(1).next();
    const stored = logged.find((i) => i.id === newestFirst[0])!;
    expect(page).toEqual([
      {
        id: stored.id,
        engagementId: stored.engagementId,
        date: stored.date,
        time: stored.time,
        durationMinutes: stored.durationMinutes,
        mode: stored.mode,
        stageId: stored.stageId,
        participants: stored.participants,
        components: stored.components,
        principles: stored.principles,
        notes: stored.notes,
      },
    ]);
  });

  it('keeps to the engagement and the inclusive date range asked for', async () => {
    const interactions = t.store.tenant(orgId).interactions;
    const expected = logged.filter(
      (i) => i.engagementId === engagementIds[1] && i.date >= '2020-03-10' && i.date <= '2020-04-11',
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(
      (
        await collect(
          interactions.eachLive({ engagementId: engagementIds[1], from: '2020-03-10', to: '2020-04-11' }, 2),
        )
      ).map((i) => i.id),
    ).toEqual(oldestFirst(expected));
  });
});
