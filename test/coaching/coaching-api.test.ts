import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { pdfTextRuns } from '../support/pdf-text.ts';
import { buildCoachingWorld, reviewBody, type CoachingWorld } from './world.ts';

type Persona =
  'practitioner' | 'coach' | 'admin' | 'otherPractitioner' | 'otherLead' | 'partner' | 'researcher' | 'outsider';
const personas: Persona[] = [
  'practitioner',
  'coach',
  'admin',
  'otherPractitioner',
  'otherLead',
  'partner',
  'researcher',
  'outsider',
];
/** Who may read a practitioner's coaching record: them, their coach and admins; others are refused. */
const readStatus: Record<Persona, number> = {
  practitioner: 200,
  coach: 200,
  admin: 200,
  otherPractitioner: 404,
  otherLead: 404,
  // A partner member refused a route that names a record is told it does not exist.
  partner: 404,
  researcher: 403,
  outsider: 404,
};

describe.each(engines)('coaching over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let w: CoachingWorld;
  const clients = {} as Record<Persona, Client>;
  let org: string;
  let reviewId: string;
  let observationId: string;
  let sessionId: string;
  let goalId: string;
  let selfAssessmentId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    w = await buildCoachingWorld(t.store);
    org = `/api/orgs/${w.organizationId}/coaching`;
    for (const persona of personas) {
      const client = new Client(server.baseUrl);
      expect((await client.login(w[persona].email, testPassword)).status).toBe(200);
      clients[persona] = client;
    }
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('lets the coach review the interaction and refuses everyone who does not coach its practitioner', async () => {
    for (const persona of ['practitioner', 'otherPractitioner', 'otherLead'] as const) {
      const reply = await clients[persona].post(`${org}/reviews`, reviewBody(w.interaction.id));
      expect(reply.status, persona).toBe(403);
      expect(reply.body.error.details[0].path, persona).toBe('interactionId');
    }
    expect((await clients.partner.post(`${org}/reviews`, reviewBody(w.interaction.id))).status).toBe(403);
    expect((await clients.researcher.post(`${org}/reviews`, reviewBody(w.interaction.id))).status).toBe(403);
    expect((await clients.outsider.post(`${org}/reviews`, reviewBody(w.interaction.id))).status).toBe(404);

    const reply = await clients.coach.post(`${org}/reviews`, reviewBody(w.interaction.id));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      practitionerId: w.practitioner.userId,
      reviewerId: w.coach.userId,
      engagementId: w.engagement.id,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      interactionDate: '2020-02-03',
      acknowledgedAt: null,
      version: 1,
    });
    reviewId = reply.body.id;
  });

  it('names the field of an activity the model version lacks, a component it lacks and a rating out of range', async () => {
    const body = reviewBody(w.interaction.id);
    body.ratings[0]!.activities[1] = { activityId: 'juggle', rating: 'as-defined' };
    let reply = await clients.coach.post(`${org}/reviews`, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      expect.objectContaining({
        path: 'ratings[0].activities[1].activityId',
        message: expect.stringContaining('juggle'),
      }),
    ]);

    reply = await clients.coach.post(`${org}/reviews`, {
      ...body,
      ratings: [{ componentId: 'astrology', quality: 3 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('ratings[0].componentId');

    reply = await clients.coach.post(`${org}/reviews`, { ...body, ratings: [{ componentId: 'relating', quality: 6 }] });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ path: 'ratings[0].quality', message: 'must be from 1 to 5' }]);
    reply = await clients.coach.post(`${org}/reviews`, {
      ...body,
      ratings: [{ componentId: 'relating', quality: 2.5 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { path: 'ratings[0].quality', message: 'must be a whole number from 1 to 5' },
    ]);

    reply = await clients.coach.post(`${org}/reviews`, {
      ...body,
      ratings: [
        { componentId: 'relating', quality: 3, activities: [{ activityId: 'agree-roles', rating: 'brilliant' }] },
      ],
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body.error.details)).toContain('rating');
  });

  it('lets the practitioner acknowledge and reply, keeps the exchange in the history and refuses a stale save with 409', async () => {
    expect(
      (await clients.coach.request('PUT', `${org}/reviews/${reviewId}/response`, { version: 1, acknowledged: true }))
        .status,
    ).toBe(403);
    const answered = await clients.practitioner.request('PUT', `${org}/reviews/${reviewId}/response`, {
      version: 1,
      acknowledged: true,
      reply: 'Thanks, I will check in first next time.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.acknowledgedAt).not.toBeNull();
    expect(answered.body.version).toBe(2);

    const stale = await clients.coach.request('PUT', `${org}/reviews/${reviewId}`, {
      ...reviewBody(w.interaction.id, 4),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details[0].path).toBe('version');

    const changed = await clients.coach.request('PUT', `${org}/reviews/${reviewId}`, {
      ...reviewBody(w.interaction.id, 4),
      version: 2,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      version: 3,
      acknowledgedAt: null,
      reply: 'Thanks, I will check in first next time.',
    });

    const history = await clients.practitioner.get(`${org}/reviews/${reviewId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['create', 'update', 'update']);
    expect(history.body.items[1].changes.reply).toEqual(['', 'Thanks, I will check in first next time.']);
    expect(history.body.items[2].actor).toBe(w.coach.userId);
  });

  it('records an observation on the engagement form and prints the form as a PDF', { timeout: 180_000 }, async () => {
    const form = await clients.coach.get(`${org}/observation-form?engagementId=${w.engagement.id}`);
    expect(form.status).toBe(200);
    expect(form.body.model).toMatchObject({ id: 'eis-toc', version: '1.0.0' });
    expect(form.body.components).toHaveLength(10);
    expect(form.body.components[0].activities.length).toBeGreaterThan(0);
    expect(form.body.principles).toHaveLength(8);

    const pdf = await clients.coach.raw(`${org}/observation-form.pdf?engagementId=${w.engagement.id}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfTextRuns(new Uint8Array(await pdf.arrayBuffer()))).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Observation of practice');
    expect(text).toContain(w.engagement.name);
    expect(text).toContain(form.body.components[0].name);
    expect(text).toContain(form.body.components[0].activities[0].label);
    expect(text).toContain('Done as defined');
    expect(text).toContain(form.body.principles[0].name);

    const observation = {
      engagementId: w.engagement.id,
      practitionerId: w.practitioner.userId,
      interactionId: w.interaction.id,
      date: '2020-03-10',
      ratings: [
        { componentId: 'relating', quality: 4, activities: [{ activityId: 'agree-roles', rating: 'as-defined' }] },
      ],
      principles: [{ principleId: 'relationship-centered', observed: 'evident', note: '' }],
      notes: 'Observed the planning meeting.',
    };
    expect((await clients.otherLead.post(`${org}/observations`, observation)).status).toBe(403);
    const bad = await clients.coach.post(`${org}/observations`, {
      ...observation,
      principles: [{ principleId: 'ruthless', observed: 'evident' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('principles[0].principleId');
    const outOfModel = await clients.coach.post(`${org}/observations`, {
      ...observation,
      ratings: [
        { componentId: 'relating', quality: 0, activities: [] },
        { componentId: 'assessing', quality: 3, activities: [{ activityId: 'read-tea-leaves', rating: 'partly' }] },
      ],
    });
    expect(outOfModel.status).toBe(400);
    expect(outOfModel.body.error.details).toEqual([{ path: 'ratings[0].quality', message: 'must be from 1 to 5' }]);
    const unknownActivity = await clients.coach.post(`${org}/observations`, {
      ...observation,
      ratings: [
        { componentId: 'assessing', quality: 3, activities: [{ activityId: 'read-tea-leaves', rating: 'partly' }] },
      ],
    });
    expect(unknownActivity.status).toBe(400);
    expect(unknownActivity.body.error.details).toEqual([
      {
        path: 'ratings[0].activities[0].activityId',
        message: '"read-tea-leaves" is not a practice activity of assessing in eis-toc@1.0.0',
      },
    ]);
    const created = await clients.coach.post(`${org}/observations`, observation);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      observerId: w.coach.userId,
      modelId: 'eis-toc',
      interactionId: w.interaction.id,
    });
    observationId = created.body.id;
  });

  it('logs coaching sessions and keeps development goals with their status', async () => {
    const session = await clients.coach.post(`${org}/sessions`, {
      practitionerId: w.practitioner.userId,
      date: '2020-03-12',
      componentIds: ['relating', 'assessing'],
      agreed: 'Open each meeting with a check-in.',
      followUp: 'Observe again in April.',
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const unknown = await clients.coach.post(`${org}/sessions`, {
      practitionerId: w.practitioner.userId,
      date: '2020-03-12',
      componentIds: ['relating', 'numerology'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('componentIds[1]');

    const goal = await clients.coach.post(`${org}/goals`, {
      practitionerId: w.practitioner.userId,
      title: 'Lead a readiness assessment on my own',
      componentIds: ['assessing'],
      targetDate: '2020-06-30',
    });
    expect(goal.status).toBe(201);
    expect(goal.body.status).toBe('open');
    goalId = goal.body.id;
    const progressed = await clients.practitioner.request('PUT', `${org}/goals/${goalId}`, {
      ...goal.body,
      status: 'in-progress',
      id: undefined,
      createdAt: undefined,
      updatedAt: undefined,
      deletedAt: undefined,
      createdBy: undefined,
    });
    expect(progressed.status).toBe(200);
    expect(progressed.body).toMatchObject({ status: 'in-progress', version: 2 });
    const stale = await clients.coach.request('PUT', `${org}/goals/${goalId}`, {
      practitionerId: w.practitioner.userId,
      title: 'Lead a readiness assessment on my own',
      componentIds: ['assessing'],
      targetDate: '2020-06-30',
      status: 'met',
      version: 1,
    });
    expect(stale.status).toBe(409);
  });

  it('takes self-assessments only on the model components, from the practitioner themself', async () => {
    const bad = await clients.practitioner.post(`${org}/self-assessments`, {
      date: '2020-02-01',
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      ratings: { relating: 2, levitating: 5 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('ratings.levitating');
    const reply = await clients.practitioner.post(`${org}/self-assessments`, {
      date: '2020-02-01',
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      ratings: { relating: 2, assessing: 3 },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.practitionerId).toBe(w.practitioner.userId);
    selfAssessmentId = reply.body.id;
  });

  it('shows competency over time to the practitioner and the team view to their coach only', async () => {
    const competency = await clients.practitioner.get(`${org}/practitioners/${w.practitioner.userId}/competency`);
    expect(competency.status).toBe(200);
    const relating = competency.body.components.find((c: { componentId: string }) => c.componentId === 'relating');
    expect(relating.coachRatings.map((p: { date: string; quality: number }) => [p.date, p.quality])).toEqual([
      ['2020-02-03', 4],
      ['2020-03-10', 4],
    ]);
    expect(relating.selfRatings).toEqual([{ date: '2020-02-01', rating: 2 }]);
    expect(relating.minutesByMonth).toEqual([{ month: '2020-02', minutes: 20 }]);

    const team = await clients.coach.get(`${org}/team?asOf=2020-04-01`);
    expect(team.status).toBe(200);
    expect(team.body.practitioners).toEqual([{ userId: w.practitioner.userId, name: w.practitioner.name }]);
    const cell = team.body.cells.find(
      (c: { practitionerId: string; componentId: string }) =>
        c.practitionerId === w.practitioner.userId && c.componentId === 'assessing',
    );
    expect(cell).toMatchObject({ latestRating: 5, change: null, latestSelfRating: 3, recentMinutes: 40, ratings: 1 });
    const later = await clients.coach.get(`${org}/team?asOf=2021-04-01`);
    expect(later.body.cells.find((c: { componentId: string }) => c.componentId === 'assessing').recentMinutes).toBe(0);
    // Six months back to the day: whole months come from the derived table, the first month's days from
    // the interactions. The interaction of 2020-02-03 counts from a window starting that day, not the next.
    const recentAssessing = async (asOf: string): Promise<number> =>
      (await clients.coach.get(`${org}/team?asOf=${asOf}`)).body.cells.find(
        (c: { practitionerId: string; componentId: string }) =>
          c.practitionerId === w.practitioner.userId && c.componentId === 'assessing',
      ).recentMinutes;
    expect(await recentAssessing('2020-07-31')).toBe(40);
    expect(await recentAssessing('2020-08-03')).toBe(40);
    expect(await recentAssessing('2020-08-04')).toBe(0);

    const other = await clients.otherLead.get(`${org}/team`);
    expect(other.status).toBe(200);
    expect(other.body.practitioners.map((p: { userId: string }) => p.userId)).toEqual([w.otherPractitioner.userId]);
    expect((await clients.partner.get(`${org}/team`)).status).toBe(403);
    expect((await clients.researcher.get(`${org}/team`)).status).toBe(403);
  });

  it(
    'shows every coaching read route only to the practitioner, their coach and admins',
    { timeout: 180_000 },
    async () => {
      const practitioner = w.practitioner.userId;
      const routes = [
        `${org}/practitioners/${practitioner}`,
        `${org}/practitioners/${practitioner}/competency`,
        `${org}/reviews/${reviewId}`,
        `${org}/reviews/${reviewId}/history`,
        `${org}/observations/${observationId}`,
        `${org}/observations/${observationId}/history`,
        `${org}/sessions/${sessionId}`,
        `${org}/sessions/${sessionId}/history`,
        `${org}/goals/${goalId}`,
        `${org}/goals/${goalId}/history`,
        `${org}/self-assessments/${selfAssessmentId}`,
        `${org}/self-assessments/${selfAssessmentId}/history`,
      ];
      const seen: Record<string, Record<string, number>> = {};
      const expected: Record<string, Record<string, number>> = {};
      for (const route of routes) {
        seen[route] = {};
        expected[route] = { ...readStatus };
        for (const persona of personas) seen[route]![persona] = (await clients[persona].get(route)).status;
      }
      expect(seen).toEqual(expected);

      const record = await clients.coach.get(`${org}/practitioners/${practitioner}`);
      expect(record.body.reviews).toHaveLength(1);
      expect(record.body.observations).toHaveLength(1);
      expect(record.body.sessions).toHaveLength(1);
      expect(record.body.goals).toHaveLength(1);
      expect(record.body.selfAssessments).toHaveLength(1);
      // The labels of the model version the review and the observation were rated on, to show them by name.
      expect(record.body.models).toHaveLength(1);
      const labels = record.body.models[0];
      expect([labels.modelId, labels.modelVersion]).toEqual(['eis-toc', '1.0.0']);
      const relating = labels.components.find((c: { id: string }) => c.id === 'relating');
      expect(relating.name).toEqual(expect.any(String));
      expect(relating.name).not.toBe('relating');
      const rated = record.body.reviews[0].ratings[0].activities[0].activityId;
      expect(relating.activities.find((a: { id: string }) => a.id === rated)?.label).toMatch(/^[A-Z]/);

      const list = await clients.coach.get(`${org}/practitioners`);
      expect(list.body.items.map((p: { userId: string; self: boolean }) => [p.userId, p.self])).toEqual([
        [w.coach.userId, true],
        [practitioner, false],
      ]);
      const own = await clients.otherPractitioner.get(`${org}/practitioners`);
      expect(own.body.items.map((p: { userId: string }) => p.userId)).toEqual([w.otherPractitioner.userId]);
      expect((await clients.partner.get(`${org}/practitioners`)).status).toBe(403);
      expect((await new Client(server.baseUrl).get(`${org}/practitioners`)).status).toBe(401);
    },
  );

  it('reports rater agreement over the records each viewer may see, coach against coach and self against coach', async () => {
    // A second coach (the admin) reviews the interaction the coach reviewed: relating 2, assessing 3.
    expect((await clients.admin.post(`${org}/reviews`, reviewBody(w.interaction.id, 2))).status).toBe(201);
    const status: Record<Persona, number> = {
      practitioner: 200,
      coach: 200,
      admin: 200,
      otherPractitioner: 200,
      otherLead: 200,
      partner: 403,
      researcher: 403,
      outsider: 404,
    };
    const seen: Record<string, number> = {};
    for (const persona of personas) seen[persona] = (await clients[persona].get(`${org}/agreement`)).status;
    expect(seen).toEqual(status);
    expect((await new Client(server.baseUrl).get(`${org}/agreement`)).status).toBe(401);

    const coach = await clients.coach.get(`${org}/agreement`);
    expect(coach.body.methods.kappa).toContain('psych::cohen.kappa');
    expect(coach.body.methods.icc).toContain('Shrout & Fleiss (1979)');
    const byComponent = (set: { byComponent: { componentId: string }[] }, id: string) =>
      set.byComponent.find((c) => c.componentId === id);
    // The coach's review (relating 4 after its update, assessing 5) against the admin's; the coach's
    // own observation of the same interaction is the same rater and pairs with nothing.
    expect(coach.body.coachVsCoach.overall.pairs).toBe(2);
    expect(byComponent(coach.body.coachVsCoach, 'relating')).toMatchObject({ pairs: 1 });
    expect(byComponent(coach.body.coachVsCoach, 'assessing')).toMatchObject({ pairs: 1 });
    // Pairs (4, 2) and (5, 3): no category shared, chance agreement 0, kappa 0.
    expect(coach.body.coachVsCoach.overall.kappa).toBe(0);
    // Self-ratings relating 2 and assessing 3 against the latest coach ratings (the admin's): equal.
    expect(coach.body.selfVsCoach.overall).toMatchObject({ pairs: 2, kappa: 1, weightedKappa: 1 });
    for (const persona of ['practitioner', 'admin'] as const)
      expect((await clients[persona].get(`${org}/agreement`)).body.coachVsCoach.overall.pairs, persona).toBe(2);
    for (const persona of ['otherLead', 'otherPractitioner'] as const) {
      const other = (await clients[persona].get(`${org}/agreement`)).body;
      expect(other.coachVsCoach.overall.pairs, persona).toBe(0);
      expect(other.selfVsCoach.overall.pairs, persona).toBe(0);
    }
  });

  it('refuses writes to coaching records from those who may not see them', async () => {
    const goal = {
      practitionerId: w.practitioner.userId,
      title: 'Something else',
      componentIds: [],
      targetDate: null,
      status: 'open',
      version: 2,
    };
    const statuses = Object.fromEntries(
      await Promise.all(
        (['otherPractitioner', 'otherLead', 'partner', 'researcher', 'outsider'] as const).map(async (p) => [
          p,
          (await clients[p].request('PUT', `${org}/goals/${goalId}`, goal)).status,
        ]),
      ),
    );
    expect(statuses).toEqual({ otherPractitioner: 404, otherLead: 404, partner: 404, researcher: 403, outsider: 404 });
    const session = await clients.otherLead.post(`${org}/sessions`, {
      practitionerId: w.practitioner.userId,
      date: '2020-03-12',
    });
    expect(session.status).toBe(403);
    expect(session.body.error.details[0].path).toBe('practitionerId');
  });
});
