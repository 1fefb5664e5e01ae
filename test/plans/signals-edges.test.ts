import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStagePlan } from '../../src/app/plans/create-stage-plan.ts';
import { listSignals } from '../../src/app/signals/list-signals.ts';
import { defaultSignalSettings, type SignalRule } from '../../src/domain/signals/schemas.ts';
import type { InteractionInput } from '../../src/domain/support/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

/**
 * Every signal at the edges of its threshold, read from the real record on each engine: interactions
 * logged over HTTP (so the rollups and next-step index are the ones the application writes), and the
 * signals listed on chosen days. Score rules read wave means the same way; their edges are in the
 * rules' unit tests.
 */
describe.each(engines)('signals at the edges of their thresholds on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let isp: Client;
  let orgId: string;
  let practitionerId: string;

  const engagement = async (startDate: string) =>
    (await buildEngagement(t.store, orgId, practitionerId, startDate)).engagement.id;
  const log = async (
    engagementId: string,
    date: string,
    components: InteractionInput['components'],
    nextSteps = [],
  ) => {
    const minutes = components.reduce((sum, c) => sum + c.minutes, 0);
    const reply = await isp.post(
      `/api/orgs/${orgId}/interactions`,
      typicalInteraction(engagementId, { date, durationMinutes: minutes, components, nextSteps }),
    );
    expect(reply.status).toBe(201);
  };
  const plan = (engagementId: string, minutesPerMonth: number) =>
    createStagePlan(
      t.store,
      orgId,
      {
        engagementId,
        stageId: 'readiness-exploration',
        goals: [],
        emphasis: [{ componentId: 'relating', minutesPerMonth }],
        activities: [],
      },
      practitionerId,
    );
  const fired = async (engagementId: string, today: string, rule: SignalRule) =>
    (await listSignals(t.store.tenant(orgId), today, { engagementId }))
      .filter((s) => s.rule === rule)
      .map((s) => s.key);
  const relating = (minutes: number) => [{ componentId: 'relating', minutes, activityIds: [] }];

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    const practitioner = await buildMember(t.store, orgId, 'practitioner');
    practitionerId = practitioner.userId;
    isp = new Client(server.baseUrl);
    await isp.login(practitioner.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('no contact: fires at exactly four weeks, not a day before', async () => {
    const id = await engagement('2024-01-01');
    await log(id, '2024-02-20', relating(30));
    await log(id, '2024-03-01', relating(30));
    expect(await fired(id, '2024-03-28', 'noContact')).toEqual([]);
    expect(await fired(id, '2024-03-29', 'noContact')).toEqual(['noContact']);
  });

  it('next steps overdue: counts open steps past due, by the days allowed, and names the oldest', async () => {
    const id = await engagement('2024-01-01');
    await log(id, '2024-03-01', relating(30), [
      { text: 'Undated', owner: 'ISP', dueDate: null, done: false },
      { text: 'Send the survey', owner: 'ISP', dueDate: '2024-03-10', done: false },
      { text: 'Already done', owner: 'ISP', dueDate: '2024-03-01', done: true },
    ] as never);
    await log(id, '2024-03-02', relating(30), [
      { text: 'Book the meeting', owner: 'Partner', dueDate: '2024-03-12', done: false },
    ] as never);
    const overdue = async (today: string) =>
      (await listSignals(t.store.tenant(orgId), today, { engagementId: id })).find(
        (s) => s.rule === 'nextStepsOverdue',
      );
    expect(await overdue('2024-03-10')).toBeUndefined();
    expect(await overdue('2024-03-11')).toMatchObject({
      title: '1 next step overdue',
      explanation: 'The oldest, "Send the survey", was due on 2024-03-10.',
    });
    expect((await overdue('2024-03-13'))?.title).toBe('2 next steps overdue');
    const settings = structuredClone(defaultSignalSettings);
    settings.nextStepsOverdue.days = 7;
    await t.store.tenant(orgId).signals.saveSettings(settings, 0, practitionerId);
    expect(await overdue('2024-03-17')).toBeUndefined();
    expect((await overdue('2024-03-18'))?.title).toBe('1 next step overdue');
    expect((await overdue('2024-03-20'))?.title).toBe('2 next steps overdue');
    await t.store.tenant(orgId).signals.saveSettings(defaultSignalSettings, 1, practitionerId);
  });

  it('no foundational components: judged once the first three months are over', async () => {
    const without = await engagement('2024-01-01');
    await log(without, '2024-02-10', [{ componentId: 'co-designing', minutes: 60, activityIds: [] }]);
    expect(await fired(without, '2024-03-31', 'noFoundational')).toEqual([]);
    expect(await fired(without, '2024-04-01', 'noFoundational')).toEqual(['noFoundational']);
    const inMonthThree = await engagement('2024-01-01');
    await log(inMonthThree, '2024-03-31', relating(10));
    expect(await fired(inMonthThree, '2024-04-01', 'noFoundational')).toEqual([]);
    const inMonthFour = await engagement('2024-01-01');
    await log(inMonthFour, '2024-04-01', relating(10));
    expect(await fired(inMonthFour, '2024-04-01', 'noFoundational')).toEqual(['noFoundational']);
  });

  it('planned component unused: fires after two whole months without it', async () => {
    const id = await engagement('2024-01-01');
    await plan(id, 60);
    await log(id, '2024-03-31', relating(30));
    expect(await fired(id, '2024-05-31', 'plannedComponentUnused')).toEqual([]);
    expect(await fired(id, '2024-06-01', 'plannedComponentUnused')).toEqual(['plannedComponentUnused:relating']);
  });

  it('dose far from plan: last whole month outside ±50 %, counted once in the first months', async () => {
    // Started in March: April is month 2 of the relationship, read both as an early and a recent month.
    const cases: [number, string[]][] = [
      [150, []],
      [151, ['doseFromPlan']],
      [50, []],
      [49, ['doseFromPlan']],
    ];
    for (const [minutes, expected] of cases) {
      const id = await engagement('2024-03-01');
      await plan(id, 100);
      await log(id, '2024-04-15', relating(minutes));
      expect(await fired(id, '2024-05-02', 'doseFromPlan'), `${minutes} minutes`).toEqual(expected);
    }
  });
});
