import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { createStagePlan } from '../../src/app/plans/create-stage-plan.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The events of an iCalendar text, read by ical.js: summary and all-day start date. */
function events(text: string): { uid: string; summary: string; date: string; allDay: boolean }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
}

describe.each(engines)('calendar feeds on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  const logLines: string[] = [];
  let orgId: string;
  let alice: Client;
  let bob: Client;
  let aliceId: string;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(
      t.store,
      t.env.DATA_DIR!,
      { LOGIN_RATE_LIMIT: '1000', LOG_LEVEL: 'info' },
      { write: (line: string) => void logLines.push(line) },
    );
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    const a = await buildMember(t.store, orgId, 'practitioner');
    const b = await buildMember(t.store, orgId, 'practitioner');
    aliceId = a.userId;
    const mine = (await buildEngagement(t.store, orgId, a.userId, '2024-01-01')).engagement;
    const theirs = (await buildEngagement(t.store, orgId, b.userId, '2024-01-01')).engagement;
    alice = new Client(server.baseUrl);
    await alice.login(a.email, testPassword);
    bob = new Client(server.baseUrl);
    await bob.login(b.email, testPassword);
    const step = (text: string, dueDate: string, done = false) => ({ text, owner: 'ISP', dueDate, done });
    expect(
      (
        await alice.post(
          `/api/orgs/${orgId}/interactions`,
          typicalInteraction(mine.id, {
            date: addDays(today, -3),
            nextSteps: [
              step('Send the readiness survey', addDays(today, 4)),
              step('Already done', addDays(today, 5), true),
              step('Long past', addDays(today, -200)),
            ],
          }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await bob.post(
          `/api/orgs/${orgId}/interactions`,
          typicalInteraction(theirs.id, {
            date: addDays(today, -3),
            nextSteps: [step('Bob’s step', addDays(today, 4))],
          }),
        )
      ).status,
    ).toBe(201);
    const activity = (ownerId: string, text: string, dueDate: string) => ({
      activityKey: null,
      text,
      ownerId,
      dueDate,
      status: 'planned' as const,
    });
    await createStagePlan(
      t.store,
      orgId,
      {
        engagementId: mine.id,
        stageId: 'readiness-exploration',
        goals: [],
        emphasis: [],
        activities: [
          activity(a.userId, 'Facilitate the kickoff', addDays(today, 10)),
          activity(b.userId, 'Bob’s activity in Alice’s engagement', addDays(today, 11)),
        ],
      },
      a.userId,
    );
    const wave = (engagementId: string, name: string, scheduledOn: string) =>
      createWave(
        t.store,
        orgId,
        engagementId,
        {
          name,
          kind: 'follow-up',
          scheduledOn,
          instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
          levels: ['individual'],
        },
        'test',
      );
    await wave(mine.id, 'Six-month survey', addDays(today, 20));
    await wave(theirs.id, 'Bob’s survey', addDays(today, 21));
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('gives a secret address once, whose feed holds the person’s items only, as all-day events', async () => {
    expect((await alice.get(`/api/orgs/${orgId}/calendar-feed`)).body).toEqual({ feed: null });
    const created = await alice.post(`/api/orgs/${orgId}/calendar-feed`);
    expect(created.status).toBe(201);
    const { token, path } = created.body;
    expect(token).toMatch(/^cal_[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/api/calendar/${token}.ics`);
    const state = await alice.get(`/api/orgs/${orgId}/calendar-feed`);
    expect(state.body.feed).toMatchObject({ id: created.body.feed.id, prefix: token.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(state.body)).not.toContain(token);

    const response = await fetch(server.baseUrl + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const found = events(await response.text());
    expect(found.map(({ summary, date, allDay }) => ({ summary, date, allDay }))).toEqual([
      { summary: 'Next step: Send the readiness survey', date: addDays(today, 4), allDay: true },
      { summary: 'Planned activity: Facilitate the kickoff', date: addDays(today, 10), allDay: true },
      { summary: 'Measurement wave: Six-month survey', date: addDays(today, 20), allDay: true },
    ]);
    expect(new Set(found.map((e) => e.uid)).size).toBe(3);
    // Fetched again, the same events keep their UIDs, so calendars update rather than duplicate them.
    const again = events(await (await fetch(server.baseUrl + path)).text());
    expect(again.map((e) => e.uid)).toEqual(found.map((e) => e.uid));
  });

  it('never shows another person’s items, and each address opens its own person’s feed', async () => {
    const created = await bob.post(`/api/orgs/${orgId}/calendar-feed`);
    const summaries = events(await (await fetch(server.baseUrl + created.body.path)).text()).map((e) => e.summary);
    expect(summaries).toEqual([
      'Next step: Bob’s step',
      'Planned activity: Bob’s activity in Alice’s engagement',
      'Measurement wave: Bob’s survey',
    ]);
  });

  it('answers 404 for a revoked, replaced or unknown address, and keeps each change in history', async () => {
    const first = await alice.post(`/api/orgs/${orgId}/calendar-feed`);
    const second = await alice.post(`/api/orgs/${orgId}/calendar-feed`);
    expect((await fetch(server.baseUrl + first.body.path)).status).toBe(404);
    expect((await fetch(server.baseUrl + second.body.path)).status).toBe(200);
    expect((await alice.delete(`/api/orgs/${orgId}/calendar-feed`)).status).toBe(204);
    expect((await fetch(server.baseUrl + second.body.path)).status).toBe(404);
    expect((await alice.delete(`/api/orgs/${orgId}/calendar-feed`)).status).toBe(404);
    expect((await alice.get(`/api/orgs/${orgId}/calendar-feed`)).body).toEqual({ feed: null });
    expect((await fetch(`${server.baseUrl}/api/calendar/cal_unknown.ics`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/calendar/${second.body.token}`)).status).toBe(404);
    const tenant = t.store.tenant(orgId);
    expect((await tenant.history('calendar_feed', first.body.feed.id)).map((h) => h.action)).toEqual([
      'create',
      'revoke',
    ]);
    expect((await tenant.history('calendar_feed', second.body.feed.id)).map((h) => h.action)).toEqual([
      'create',
      'revoke',
    ]);
    expect(JSON.stringify(await tenant.history('calendar_feed', second.body.feed.id))).not.toContain(second.body.token);
  });

  it('refuses an API token, which acts for no person', async () => {
    const { token } = await createApiToken(t.store, orgId, { name: 'script', role: 'admin' }, aliceId);
    const script = new Client(server.baseUrl);
    script.bearer = token;
    expect((await script.post(`/api/orgs/${orgId}/calendar-feed`)).status).toBe(403);
    expect((await script.get(`/api/orgs/${orgId}/calendar-feed`)).status).toBe(403);
  });

  it('never writes a feed token to the logs', async () => {
    const created = await alice.post(`/api/orgs/${orgId}/calendar-feed`);
    expect((await fetch(server.baseUrl + created.body.path)).status).toBe(200);
    const logs = logLines.join('\n');
    expect(logs).toContain('/api/calendar/[redacted]');
    expect(logs).not.toContain(created.body.token);
    expect(logs).not.toContain(created.body.token.slice(4));
  });
});
