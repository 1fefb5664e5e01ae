import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDerived } from '../../src/app/derived/check-derived.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

describe.each(engines)('the support record over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let isp: Client;
  let orgId: string;
  let org: string;
  let engagementId: string;
  let ispId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    org = `/api/orgs/${orgId}`;
    const practitioner = await buildMember(t.store, orgId, 'practitioner');
    ispId = practitioner.userId;
    engagementId = (await buildEngagement(t.store, orgId, ispId)).engagement.id;
    isp = new Client(server.baseUrl);
    await isp.login(practitioner.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('logs an interaction with the engagement’s model version and its stage on that date', async () => {
    const reply = await isp.post(`${org}/interactions`, typicalInteraction(engagementId));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      version: 1,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      stageId: 'readiness-exploration',
      loggedBy: ispId,
    });
    expect((await isp.get(`${org}/interactions/${reply.body.id}`)).body.components).toHaveLength(3);
  });

  it('refuses minutes over the duration and unknown components or activities, naming ids and the model version', async () => {
    const over = await isp.post(`${org}/interactions`, typicalInteraction(engagementId, { durationMinutes: 60 }));
    expect(over.status).toBe(400);
    expect(over.body.error.details).toContainEqual({
      path: 'components',
      message: 'minutes across components (85) exceed the duration (60)',
    });
    const unknown = typicalInteraction(engagementId);
    unknown.components[1]!.componentId = 'juggling';
    unknown.components[0]!.activityIds = ['agree-roles', 'telepathy'];
    const refused = await isp.post(`${org}/interactions`, unknown);
    expect(refused.body.error.details).toEqual([
      {
        path: 'components[0].activityIds[1]',
        message: 'unknown activity "telepathy" of component "relating" in model eis-toc@1.0.0',
      },
      { path: 'components[1].componentId', message: 'unknown component "juggling" in model eis-toc@1.0.0' },
    ]);
    const early = await isp.post(`${org}/interactions`, typicalInteraction(engagementId, { date: '2019-12-31' }));
    expect(early.body.error.details).toEqual([
      { path: 'date', message: 'is before the engagement started (2020-01-15)' },
    ]);
  });

  it('keeps every version, refuses a stale edit with 409, and soft-deletes and restores', async () => {
    const created = (await isp.post(`${org}/interactions`, typicalInteraction(engagementId, { date: '2020-03-02' })))
      .body;
    const edited = await isp.request('PUT', `${org}/interactions/${created.id}`, {
      ...typicalInteraction(engagementId, { date: '2020-03-02', notes: 'Corrected notes' }),
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const stale = await isp.request('PUT', `${org}/interactions/${created.id}`, {
      ...typicalInteraction(engagementId, { date: '2020-03-02', notes: 'Lost update' }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ path: 'version', message: 'is 1; the current version is 2' }]);
    expect((await isp.delete(`${org}/interactions/${created.id}?version=2`)).body.deletedAt).not.toBeNull();
    const listed = await isp.get(`${org}/interactions?engagementId=${engagementId}&from=2020-03-01&to=2020-03-31`);
    expect(listed.body.items).toEqual([]);
    expect((await isp.post(`${org}/interactions/${created.id}/restore`)).body.deletedAt).toBeNull();
    const history = await isp.get(`${org}/interactions/${created.id}/history`);
    expect(history.body.items.map((h: { action: string; version: number }) => `${h.action}@${h.version}`)).toEqual([
      'create@1',
      'update@2',
      'delete@3',
      'restore@4',
    ]);
    expect(history.body.items[1].changes).toEqual({
      notes: ['Reviewed readiness survey results with the leadership team.', 'Corrected notes'],
    });
    expect(history.body.items[1].actor).toBe(ispId);
    expect(history.body.items[0].snapshot.notes).toBe('Reviewed readiness survey results with the leadership team.');
    expect(await checkDerived(t.store.tenant(orgId))).toEqual([]);
  });

  it('filters and pages with a cursor, newest first', async () => {
    const { engagement } = await buildEngagement(t.store, orgId, ispId, '2021-01-01');
    for (let day = 1; day <= 7; day += 1) {
      const components =
        day % 2
          ? [{ componentId: 'coaching', minutes: 30, activityIds: ['observe-practice'] }]
          : [{ componentId: 'teaching', minutes: 30, activityIds: ['instruct'] }];
      expect(
        (
          await isp.post(
            `${org}/interactions`,
            typicalInteraction(engagement.id, { date: `2021-02-0${day}`, components }),
          )
        ).status,
      ).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { date: string }[]; nextCursor: string | null } } = await isp.get(
        `${org}/interactions?engagementId=${engagement.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.date));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      '2021-02-07',
      '2021-02-06',
      '2021-02-05',
      '2021-02-04',
      '2021-02-03',
      '2021-02-02',
      '2021-02-01',
    ]);
    const coaching = await isp.get(`${org}/interactions?engagementId=${engagement.id}&componentId=coaching`);
    expect(coaching.body.items.map((i: { date: string }) => i.date)).toEqual([
      '2021-02-07',
      '2021-02-05',
      '2021-02-03',
      '2021-02-01',
    ]);
    const byIsp = await isp.get(`${org}/interactions?loggedBy=${ispId}&from=2021-02-06`);
    expect(byIsp.body.items).toHaveLength(2);
    expect((await isp.get(`${org}/interactions?cursor=garbage`)).body.error.details[0].path).toBe('query.cursor');
  });

  it('keeps engagements, partners and contacts versioned and validated', async () => {
    const partner = (await isp.post(`${org}/partners`, { name: 'State System', kind: 'system', tags: ['pilot'] })).body;
    const team = await isp.post(`${org}/partners`, {
      name: 'Team under a team?',
      kind: 'system',
      parentId: partner.id,
    });
    expect(team.body.error.details).toEqual([{ path: 'parentId', message: 'a system cannot sit under a system' }]);
    const contact = await isp.post(`${org}/contacts`, {
      partnerId: partner.id,
      name: 'Dana Director',
      level: 'system',
      email: 'not-an-email',
    });
    expect(contact.body.error.details[0].path).toBe('email');
    const engagement = await isp.post(`${org}/engagements`, {
      partnerId: partner.id,
      name: 'Statewide scale-up',
      startDate: '2022-01-01',
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      stages: [{ stageId: 'flying', startedOn: '2021-12-01' }],
    });
    expect(engagement.body.error.details).toEqual([
      { path: 'stages[0].stageId', message: 'unknown stage "flying" in model eis-toc@1.0.0' },
      { path: 'stages[0].startedOn', message: 'is before the engagement started (2022-01-01)' },
    ]);
    const good = await isp.post(`${org}/engagements`, {
      partnerId: partner.id,
      name: 'Statewide scale-up',
      startDate: '2022-01-01',
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
    });
    expect(good.status).toBe(201);
    const staged = await isp.post(`${org}/engagements/${good.body.id}/stages`, {
      stageId: 'capacity-development',
      startedOn: '2022-06-01',
      version: 1,
    });
    expect(staged.body.stages).toEqual([{ stageId: 'capacity-development', startedOn: '2022-06-01' }]);
    expect((await isp.delete(`${org}/partners/${partner.id}`)).status).toBe(409);
  });

  it('lets researchers read but not write, and partners neither', async () => {
    const researcher = await buildMember(t.store, orgId, 'researcher');
    const client = new Client(server.baseUrl);
    await client.login(researcher.email, testPassword);
    expect((await client.get(`${org}/interactions`)).status).toBe(200);
    expect((await client.post(`${org}/interactions`, typicalInteraction(engagementId))).status).toBe(403);
    const partner = await buildMember(t.store, orgId, 'partner');
    const partnerClient = new Client(server.baseUrl);
    await partnerClient.login(partner.email, testPassword);
    expect((await partnerClient.get(`${org}/interactions`)).status).toBe(403);
  });
});

describe('engagement overview and organization dashboard', () => {
  it('reads rollups and the engagement’s interactions into page data', async () => {
    const t = await createTestDatabase('sqlite');
    const server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    try {
      const { organization, admin } = await buildOrganization(t.store);
      const { engagement } = await buildEngagement(t.store, organization.id, admin.userId, '2020-01-15');
      const client = new Client(server.baseUrl);
      await client.login(admin.email, testPassword);
      const org = `/api/orgs/${organization.id}`;
      await client.post(`${org}/interactions`, typicalInteraction(engagement.id, { date: '2020-01-20' }));
      await client.post(
        `${org}/interactions`,
        typicalInteraction(engagement.id, {
          date: '2020-03-01',
          components: [{ componentId: 'coaching', minutes: 45, activityIds: ['give-feedback'] }],
        }),
      );
      const overview = await client.get(`${org}/engagements/${engagement.id}/overview`);
      expect(overview.status).toBe(200);
      expect(overview.body.doseByRelationshipMonth.slice(0, 3)).toEqual([
        { month: 1, interactions: 1, minutes: 90 },
        { month: 2, interactions: 1, minutes: 90 },
        { month: 3, interactions: 0, minutes: 0 },
      ]);
      expect(overview.body.componentMix[1]).toEqual({
        month: 2,
        totalMinutes: 45,
        components: [{ componentId: 'coaching', minutes: 45, share: 1 }],
      });
      expect(overview.body.openNextSteps).toHaveLength(2);
      expect(overview.body.totals).toEqual({ interactions: 2, minutes: 180 });
      expect(overview.body.model.components).toHaveLength(10);
      const dashboard = await client.get(`${org}/dashboard`);
      expect(dashboard.body.counts).toMatchObject({ partners: 1, engagements: 1, interactions: 2, minutes: 180 });
      expect(dashboard.body.byCalendarMonth.map((m: { calendarMonth: string }) => m.calendarMonth)).toEqual([
        '2020-01',
        '2020-03',
      ]);
    } finally {
      await server.close();
      await t.dispose();
    }
  });
});

describe('organization descriptives over the demo', () => {
  it(
    'reproduces the trajectory study’s views: early foundational/co-design dominance, more diversity later, falling dose',
    { timeout: 120_000 },
    async () => {
      const t = await createTestDatabase('sqlite');
      const server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
      try {
        const { seedDemo } = await import('../../src/demo/seed.ts');
        const { demoAccounts, demoPassword } = await import('../../src/domain/accounts/demo-accounts.ts');
        const { organizationId } = await seedDemo(t.store);
        const client = new Client(server.baseUrl);
        await client.login(demoAccounts.find((a) => a.role === 'researcher')!.email, demoPassword);
        const reply = await client.get(`/api/orgs/${organizationId}/analysis/descriptives`);
        expect(reply.status).toBe(200);
        const body = reply.body;
        expect(body.engagements).toBe(13);
        const early = body.groupMix.filter((m: { month: number }) => m.month <= 6);
        const earlyShare =
          early.reduce(
            (s: number, m: { totalMinutes: number; shares: Record<string, number> }) =>
              s + m.totalMinutes * ((m.shares.foundational ?? 0) + (m.shares['co-design'] ?? 0)),
            0,
          ) / early.reduce((s: number, m: { totalMinutes: number }) => s + m.totalMinutes, 0);
        expect(earlyShare).toBeGreaterThan(0.6);
        const [earlyPeriod, laterPeriod] = body.earlyVersusLater;
        expect(laterPeriod.meanEntropy).toBeGreaterThan(earlyPeriod.meanEntropy);
        const first = body.doseByRelationshipMonth[0];
        expect(first).toMatchObject({ month: 1, engagements: 13 });
        expect(first.q1).toBeLessThanOrEqual(first.median);
        expect(first.median).toBeLessThanOrEqual(first.q3);
        const year = (from: number, to: number) =>
          body.doseByRelationshipMonth
            .filter((d: { month: number }) => d.month >= from && d.month <= to)
            .reduce((s: number, d: { mean: number }) => s + d.mean, 0);
        expect(year(25, 36)).toBeLessThan(year(1, 12));
        expect(body.methods.quantiles).toContain('type = 7');
        // The demo's second full year (2018 in the study's span), derived from the window it was made for.
        const { demoWindow } = await import('../../src/demo/demo-window.ts');
        const { shiftMonth } = await import('../../src/domain/support/months.ts');
        const startMonth = demoWindow(new Date().toISOString().slice(0, 7)).start.slice(0, 7);
        const filtered = await client.get(
          `/api/orgs/${organizationId}/analysis/descriptives?from=${shiftMonth(startMonth, 14)}&to=${shiftMonth(startMonth, 25)}`,
        );
        expect(filtered.body.minutesByComponent.length).toBeGreaterThan(0);
        expect(
          filtered.body.minutesByComponent.reduce((s: number, c: { minutes: number }) => s + c.minutes, 0),
        ).toBeLessThan(body.minutesByComponent.reduce((s: number, c: { minutes: number }) => s + c.minutes, 0));
        expect((await client.get(`/api/orgs/${organizationId}/analysis/descriptives?from=2018-13`)).status).toBe(400);
      } finally {
        await server.close();
        await t.dispose();
      }
    },
  );
});
