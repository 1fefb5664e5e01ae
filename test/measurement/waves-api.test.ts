import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../src/analysis/stats/index.ts';
import { inviteRespondent } from '../../src/app/measurement/invite-respondent.ts';
import { engines } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client } from '../support/http.ts';
import { buildMeasurementWorld, type MeasurementWorld } from '../support/measurement.ts';
import { buildEngagement } from '../support/records.ts';

const aim = (a: number, b: number, c: number, d: number) => ({
  'aim-support': { 'aim-1': a, 'aim-2': b, 'aim-3': c, 'aim-4': d },
});
const aimWave = (name: string, kind: string, scheduledOn: string | null, extra: Record<string, unknown> = {}) => ({
  name,
  kind,
  scheduledOn,
  instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
  ...extra,
});

describe.each(engines)('waves as records, survey links and outcome change over HTTP on %s', (engine) => {
  let world: MeasurementWorld;
  let t: MeasurementWorld['t'];
  let server: MeasurementWorld['server'];
  let staff: Client;
  let partner: Client;
  let orgId: string;
  let org: string;
  let actor: string;
  let engagementId: string;
  let teamId: string;
  let contactIds: string[];
  let baselineId: string;

  beforeAll(async () => {
    world = await buildMeasurementWorld(engine, { SURVEY_READ_RATE_LIMIT: '3' }, ['Ana', 'Ben', 'Cy', 'Dee']);
    ({ t, server, staff, partner, orgId, org, actor, engagementId, teamId, contactIds } = world);
  });
  afterAll(() => world.close());

  it('edits a wave with history, refuses a stale edit with 409, deletes it softly and restores it', async () => {
    const created = await staff.post(
      `${org}/engagements/${engagementId}/waves`,
      aimWave('Baseline', 'baseline', '2020-03-01'),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      version: 1,
      deletedAt: null,
      levels: ['individual', 'team', 'organization', 'system'],
    });
    baselineId = created.body.id;
    const edited = await staff.request('PUT', `${org}/waves/${baselineId}`, {
      ...aimWave('Baseline (March)', 'baseline', '2020-03-02', { levels: ['individual', 'team'] }),
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      name: 'Baseline (March)',
      scheduledOn: '2020-03-02',
      levels: ['individual', 'team'],
    });
    const stale = await staff.request('PUT', `${org}/waves/${baselineId}`, {
      ...aimWave('Lost edit', 'baseline', '2020-03-02'),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ path: 'version', message: 'is 1; the current version is 2' }]);
    const badLevels = await staff.request('PUT', `${org}/waves/${baselineId}`, {
      ...aimWave('Baseline', 'baseline', null, { levels: [] }),
      version: 2,
    });
    expect(badLevels.status).toBe(400);
    expect(badLevels.body.error.details[0].path).toBe('levels');

    const history = await staff.get(`${org}/waves/${baselineId}/history`);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
    const update = history.body.items.find((h: { action: string }) => h.action === 'update');
    expect(update).toMatchObject({ actor, version: 2 });
    expect(Object.keys(update.changes)).toEqual(expect.arrayContaining(['name', 'scheduledOn', 'levels']));

    const stray = await staff.post(`${org}/engagements/${engagementId}/waves`, aimWave('Mistake', 'ad-hoc', null));
    const removed = await staff.delete(`${org}/waves/${stray.body.id}?version=1`);
    expect(removed.status).toBe(200);
    expect(removed.body.deletedAt).not.toBeNull();
    expect(
      (await staff.get(`${org}/engagements/${engagementId}/waves`)).body.items.map((w: { name: string }) => w.name),
    ).toEqual(['Baseline (March)']);
    expect((await staff.post(`${org}/waves/${stray.body.id}/restore`)).body).toMatchObject({
      deletedAt: null,
      version: 3,
    });
    expect((await staff.delete(`${org}/waves/${stray.body.id}?version=1`)).status).toBe(409);
    expect((await staff.delete(`${org}/waves/${stray.body.id}?version=3`)).status).toBe(200);
  });

  it('creates links for individuals, anonymous respondents and unit ratings, refusing a level the wave does not measure', async () => {
    const orgRating = await staff.post(`${org}/waves/${baselineId}/invitations`, {
      level: 'organization',
      partnerId: teamId,
    });
    expect(orgRating.status).toBe(400);
    expect(orgRating.body.error.details).toEqual([
      { path: 'level', message: 'the wave measures individual, team, not organization' },
    ]);
    const teamRating = await staff.post(`${org}/waves/${baselineId}/invitations`, { level: 'team', partnerId: teamId });
    expect(teamRating.status).toBe(201);
    const anonymous = await staff.post(`${org}/waves/${baselineId}/invitations`, {
      anonymous: true,
      partnerId: teamId,
    });
    expect(anonymous.body.response).toMatchObject({ anonymous: true, contactId: null, level: 'individual' });
  });

  it('shows response progress: unused, started, submitted, expired and revoked links, and who each is for', async () => {
    const links = [];
    for (const contactId of contactIds)
      links.push((await staff.post(`${org}/waves/${baselineId}/invitations`, { contactId })).body);
    const baselineScores = [aim(2, 2, 3, 3), aim(3, 3, 3, 3), aim(2, 3, 2, 3), aim(4, 4, 4, 4)];
    for (const [i, link] of links.entries())
      expect((await partner.post(`/api/surveys/${link.token}/submit`, { answers: baselineScores[i] })).status).toBe(
        200,
      );
    const started = (await staff.post(`${org}/waves/${baselineId}/invitations`, {})).body;
    await partner.request('PUT', `/api/surveys/${started.token}/answers`, {
      answers: { 'aim-support': { 'aim-1': 3 } },
    });
    const revoked = (await staff.post(`${org}/waves/${baselineId}/invitations`, {})).body;
    expect((await staff.post(`${org}/responses/${revoked.response.id}/revoke`)).body.revokedAt).not.toBeNull();
    expect((await staff.post(`${org}/responses/${links[0].response.id}/revoke`)).status).toBe(409);
    await inviteRespondent(
      t.store,
      orgId,
      baselineId,
      { contactId: null, anonymous: false, level: 'individual', partnerId: null, expiresInDays: 1 },
      actor,
      new Date(Date.now() - 3 * 86_400_000),
    );
    await staff.post(`${org}/waves/${baselineId}/responses`, {
      level: 'team',
      partnerId: teamId,
      answers: aim(4, 4, 4, 4),
    });

    const progress = await staff.get(`${org}/waves/${baselineId}/progress`);
    expect(progress.status).toBe(200);
    expect(progress.body.counts).toEqual({
      links: 9,
      unused: 2,
      started: 1,
      submitted: 4,
      expired: 1,
      revoked: 1,
      entered: 1,
    });
    const byStatus = (status: string) =>
      progress.body.responses
        .filter((r: { linkStatus: string }) => r.linkStatus === status)
        .map((r: { respondent: string }) => r.respondent);
    expect(byStatus('submitted').sort()).toEqual(['Ana', 'Ben', 'Cy', 'Dee']);
    expect(byStatus('unused').sort()).toEqual(['Anonymous, Intake team', 'Intake team (team rating)']);
    expect(JSON.stringify(progress.body)).not.toMatch(/token/i);
  });

  it('changes wave instruments only while nobody has been invited', async () => {
    const refused = await staff.request('PUT', `${org}/waves/${baselineId}`, {
      ...aimWave('Baseline (March)', 'baseline', '2020-03-02', {
        instruments: [{ instrumentId: 'fim-support', version: '1.0.0' }],
        levels: ['individual', 'team'],
      }),
      version: 2,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('instruments');
  });

  it('gives the change between waves per outcome and level, with the paired signed-rank test', async () => {
    const followUp = (
      await staff.post(`${org}/engagements/${engagementId}/waves`, aimWave('Month 6', 'follow-up', '2020-09-01'))
    ).body;
    const later = [aim(4, 4, 4, 4), aim(4, 4, 3, 3), aim(3, 3, 4, 4), aim(5, 5, 5, 5)];
    for (const [i, contactId] of contactIds.entries()) {
      const link = (await staff.post(`${org}/waves/${followUp.id}/invitations`, { contactId })).body;
      expect((await partner.post(`/api/surveys/${link.token}/submit`, { answers: later[i] })).status).toBe(200);
    }
    const reply = await staff.get(`${org}/engagements/${engagementId}/outcomes/change`);
    expect(reply.status).toBe(200);
    expect(reply.body.method).toEqual({ pairedTest: expect.stringMatching(/Wilcoxon signed-rank/), minPairs: 3 });
    const individual = reply.body.trajectories.find(
      (s: { scoreId: string; level: string; source: string }) => s.scoreId === 'aim' && s.level === 'individual',
    );
    expect(individual.points.map((p: { waveName: string; n: number }) => `${p.waveName}:${p.n}`)).toEqual([
      'Baseline (March):4',
      'Month 6:4',
    ]);
    const change = individual.fromBaseline[0];
    const before = [2.5, 3, 2.5, 4];
    const after = [4, 3.5, 3.5, 5];
    expect(change.meanChange).toBeCloseTo((4 + 3.5 + 3.5 + 5) / 4 - (2.5 + 3 + 2.5 + 4) / 4, 12);
    expect(change.paired.n).toBe(4);
    const expected = wilcoxonSignedRank(before, after);
    expect(change.paired.test).toMatchObject({ statistic: expected.statistic, p: expected.p, method: expected.method });
    const team = reply.body.trajectories.find(
      (s: { level: string; source: string; scoreId: string }) =>
        s.scoreId === 'aim' && s.level === 'team' && s.source === 'members',
    );
    expect(team.fromBaseline[0].paired).toMatchObject({
      n: 1,
      test: null,
      note: 'only 1 pair: the signed-rank test needs at least 3',
    });
    const rating = reply.body.trajectories.find(
      (s: { level: string; source: string }) => s.level === 'team' && s.source === 'rating',
    );
    expect(rating.notes).toEqual(['measured at one wave only: no change to report yet']);
    expect(JSON.stringify(reply.body)).not.toMatch(/NaN/);
  });

  it('an engagement without waves gets a clear note, never an error', async () => {
    const { engagement } = await buildEngagement(t.store, orgId, actor);
    const reply = await staff.get(`${org}/engagements/${engagement.id}/outcomes/change`);
    expect(reply.body).toMatchObject({ trajectories: [], notes: ['no waves planned: nothing measured yet'] });
  });

  it('a deleted wave withdraws its links; restoring brings them back', async () => {
    const wave = (await staff.post(`${org}/engagements/${engagementId}/waves`, aimWave('Ad hoc', 'ad-hoc', null))).body;
    const link = (await staff.post(`${org}/waves/${wave.id}/invitations`, {})).body;
    await staff.delete(`${org}/waves/${wave.id}`);
    const withdrawn = await partner.request('PUT', `/api/surveys/${link.token}/answers`, { answers: aim(1, 1, 1, 1) });
    expect(withdrawn.status).toBe(403);
    expect(withdrawn.body.error.message).toMatch(/withdrawn/);
    await staff.post(`${org}/waves/${wave.id}/restore`);
    expect(
      (await partner.request('PUT', `/api/surveys/${link.token}/answers`, { answers: aim(1, 1, 1, 1) })).status,
    ).toBe(200);
  });

  it('limits survey reads per address as SURVEY_READ_RATE_LIMIT says', async () => {
    const link = (await staff.post(`${org}/waves/${baselineId}/invitations`, {})).body;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await partner.get(`/api/surveys/${link.token}`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 1)).toEqual([200]);
  });

  it('documents every new route in OpenAPI and keeps them private to the organization', async () => {
    const spec = (await staff.get('/api/openapi.json')).body;
    for (const path of [
      '/api/orgs/{orgId}/waves/{id}',
      '/api/orgs/{orgId}/waves/{id}/history',
      '/api/orgs/{orgId}/waves/{id}/restore',
      '/api/orgs/{orgId}/waves/{id}/progress',
      '/api/orgs/{orgId}/engagements/{id}/outcomes/change',
    ])
      expect(spec.paths[path], path).toBeDefined();
    expect(Object.keys(spec.paths['/api/orgs/{orgId}/waves/{id}'])).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
    const other = await buildOrganization(t.store);
    const outsider = new Client(server.baseUrl);
    await outsider.login(other.admin.email, testPassword);
    for (const url of [
      `${org}/waves/${baselineId}/progress`,
      `${org}/waves/${baselineId}/history`,
      `${org}/engagements/${engagementId}/outcomes/change`,
    ])
      expect((await outsider.get(url)).status, url).toBe(404);
    expect(
      (await outsider.request('PUT', `${org}/waves/${baselineId}`, { ...aimWave('x', 'baseline', null), version: 2 }))
        .status,
    ).toBe(404);
  });
});
