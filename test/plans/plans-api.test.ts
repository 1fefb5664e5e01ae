import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

describe.each(engines)('support plans by stage over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let isp: Client;
  let org: string;
  let orgId: string;
  let ispId: string;
  let engagementId: string;

  const plan = (overrides: Record<string, unknown> = {}) => ({
    engagementId,
    stageId: 'readiness-exploration',
    goals: [{ text: 'Agree how we work', indicator: 'Signed support agreement', targetDate: '2020-03-31' }],
    emphasis: [
      { componentId: 'relating', minutesPerMonth: 240 },
      { componentId: 'assessing', minutesPerMonth: 180 },
    ],
    activities: [
      { activityKey: 'relating/agree-roles', ownerId: ispId, dueDate: '2020-02-15', status: 'planned' },
      { activityKey: null, text: 'Send the readiness survey', ownerId: ispId, dueDate: '2020-03-01' },
    ],
    ...overrides,
  });

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

  it('refuses a goal without a target date, an owner who is not a member and a component not in the model', async () => {
    const bad = plan({
      goals: [{ text: 'Agree how we work', indicator: 'Signed agreement' }],
      emphasis: [{ componentId: 'juggling', minutesPerMonth: 60 }],
    });
    const noDate = await isp.post(`${org}/plans`, bad);
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details).toContainEqual({
      path: 'goals[0].targetDate',
      message: 'is required: a goal needs a target date',
    });
    const refused = await isp.post(
      `${org}/plans`,
      plan({
        emphasis: [{ componentId: 'juggling', minutesPerMonth: 60 }],
        activities: [
          { activityKey: 'relating/telepathy', ownerId: 'stranger', dueDate: '2020-02-15' },
          { activityKey: null, text: '', ownerId: ispId, dueDate: '2020-02-15' },
        ],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: 'emphasis[0].componentId', message: 'unknown component "juggling" in model eis-toc@1.0.0' },
      {
        path: 'activities[0].activityKey',
        message: 'unknown practice activity "relating/telepathy" in model eis-toc@1.0.0',
      },
      { path: 'activities[0].ownerId', message: '"stranger" is not a member of this organization' },
      { path: 'activities[1].text', message: 'is required when no practice activity of the model is chosen' },
    ]);
    expect((await isp.get(`${org}/engagements/${engagementId}/plans`)).body.items).toEqual([]);
  });

  it('keeps every version, refuses a stale save with 409, one live plan per stage, and soft-deletes and restores', async () => {
    const created = await isp.post(`${org}/plans`, plan());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, modelId: 'eis-toc', modelVersion: '1.0.0' });
    expect(created.body.activities[1]).toMatchObject({ activityKey: null, status: 'planned' });

    const twice = await isp.post(`${org}/plans`, plan());
    expect(twice.status).toBe(409);
    expect(twice.body.error.details[0].path).toBe('stageId');

    const id = created.body.id as string;
    const edited = await isp.request('PUT', `${org}/plans/${id}`, {
      ...plan({ emphasis: [{ componentId: 'relating', minutesPerMonth: 120 }] }),
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const stale = await isp.request('PUT', `${org}/plans/${id}`, {
      ...plan({ emphasis: [{ componentId: 'relating', minutesPerMonth: 999 }] }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ path: 'version', message: 'is 1; the current version is 2' }]);
    expect((await isp.get(`${org}/plans/${id}`)).body.emphasis).toEqual([
      { componentId: 'relating', minutesPerMonth: 120 },
    ]);

    const moved = await isp.request('PUT', `${org}/plans/${id}`, {
      ...plan({ stageId: 'capacity-development' }),
      version: 2,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details).toEqual([
      { path: 'stageId', message: 'must stay "readiness-exploration": a plan belongs to one stage' },
    ]);

    expect((await isp.delete(`${org}/plans/${id}?version=2`)).body.deletedAt).not.toBeNull();
    expect((await isp.get(`${org}/engagements/${engagementId}/plans`)).body.items).toEqual([]);
    expect((await isp.post(`${org}/plans/${id}/restore`)).body.deletedAt).toBeNull();
    const history = await isp.get(`${org}/plans/${id}/history`);
    expect(history.body.items.map((h: { action: string; version: number }) => `${h.action}@${h.version}`)).toEqual([
      'create@1',
      'update@2',
      'delete@3',
      'restore@4',
    ]);
    expect(history.body.items[1].changes).toEqual({
      emphasis: [
        [
          { componentId: 'relating', minutesPerMonth: 240 },
          { componentId: 'assessing', minutesPerMonth: 180 },
        ],
        [{ componentId: 'relating', minutesPerMonth: 120 }],
      ],
    });
    expect(history.body.items[1].actor).toBe(ispId);
  });

  it('shows the exit criteria on a stage change and keeps the reason for unmet ones in the history', async () => {
    const { engagement } = await buildEngagement(t.store, orgId, ispId);
    const unreasoned = await isp.post(`${org}/engagements/${engagement.id}/stages`, {
      stageId: 'capacity-development',
      startedOn: '2020-06-01',
      criteriaMet: ['agreement', 'needs-assessed'],
      version: engagement.version,
    });
    expect(unreasoned.status).toBe(400);
    expect(unreasoned.body.error.details).toEqual([
      { path: 'reason', message: 'is required: exit criteria not met (go-decision)' },
    ]);
    const unknown = await isp.post(`${org}/engagements/${engagement.id}/stages`, {
      stageId: 'capacity-development',
      startedOn: '2020-06-01',
      criteriaMet: ['agreement', 'needs-assessed', 'go-decision', 'moon-landing'],
      version: engagement.version,
    });
    expect(unknown.body.error.details).toEqual([
      {
        path: 'criteriaMet[3]',
        message: '"moon-landing" is not an exit criterion of stage "readiness-exploration" in model eis-toc@1.0.0',
      },
    ]);
    const moved = await isp.post(`${org}/engagements/${engagement.id}/stages`, {
      stageId: 'capacity-development',
      startedOn: '2020-06-01',
      criteriaMet: ['agreement'],
      reason: 'The board meets in September; the team starts building the plan now.',
      version: engagement.version,
    });
    expect(moved.status).toBe(200);
    const history = await isp.get(`${org}/engagements/${engagement.id}/history`);
    const change = history.body.items.at(-1);
    expect(change.changes.stages[1].at(-1)).toEqual({
      stageId: 'capacity-development',
      startedOn: '2020-06-01',
      criteriaMet: ['agreement'],
      reason: 'The board meets in September; the team starts building the plan now.',
    });
    const allMet = await isp.post(`${org}/engagements/${engagement.id}/stages`, {
      stageId: 'supported-performance',
      startedOn: '2020-12-01',
      criteriaMet: ['plan-written', 'team-formed', 'skills-in-place'],
      version: moved.body.version,
    });
    expect(allMet.status).toBe(200);
  });

  it('sets logged minutes against the plan per month, with planned activities done, due and overdue', async () => {
    const { engagement } = await buildEngagement(t.store, orgId, ispId);
    expect((await isp.post(`${org}/interactions`, typicalInteraction(engagement.id))).status).toBe(201);
    const planned = await isp.post(
      `${org}/plans`,
      plan({
        engagementId: engagement.id,
        activities: [
          { activityKey: null, text: 'Agreement signed', ownerId: ispId, dueDate: '2020-02-10', status: 'done' },
          { activityKey: null, text: 'Survey sent', ownerId: ispId, dueDate: '2020-02-20' },
        ],
      }),
    );
    expect(planned.status).toBe(201);
    const reply = await isp.get(`${org}/engagements/${engagement.id}/plan-vs-actual?from=2020-01&to=2020-02`);
    expect(reply.status).toBe(200);
    expect(reply.body.months.map((m: { month: string }) => m.month)).toEqual(['2020-01', '2020-02']);
    expect(reply.body.months[1]).toMatchObject({
      stageId: 'readiness-exploration',
      planned: true,
      components: [
        { componentId: 'relating', planned: 240, logged: 20 },
        { componentId: 'assessing', planned: 180, logged: 40 },
        { componentId: 'co-designing', planned: 0, logged: 25 },
      ],
      plannedMinutes: 420,
      loggedMinutes: 85,
      activities: { done: 1, due: 0, overdue: 1, dropped: 0 },
    });
    const backwards = await isp.get(`${org}/engagements/${engagement.id}/plan-vs-actual?from=2020-03&to=2020-02`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([{ path: 'from', message: 'is after "to" (2020-02)' }]);
    expect((await isp.get(`${org}/engagements/nobody/plan-vs-actual`)).status).toBe(404);
  });

  it('lets researchers read plans but not write them', async () => {
    const researcher = await buildMember(t.store, orgId, 'researcher');
    const client = new Client(server.baseUrl);
    await client.login(researcher.email, testPassword);
    expect((await client.get(`${org}/engagements/${engagementId}/plans`)).status).toBe(200);
    expect((await client.post(`${org}/plans`, plan({ stageId: 'local-regulation' }))).status).toBe(403);
  });
});
