import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.ts';
import type { Client } from '../support/http.ts';
import { buildMeasurementWorld, type MeasurementWorld } from '../support/measurement.ts';

const answers = {
  'support-experience': {
    accessibility: 4,
    'quality-of-delivery': 5,
    'use-of-materials': 2,
    collaboration: 4,
    'contact-frequency': 3,
    comment: 'Gracias',
  },
  'aim-support': { 'aim-1': 4, 'aim-2': 3, 'aim-3': 5, 'aim-4': 4 },
};

describe.each(engines)('the language of a survey response on %s', (engine) => {
  let world: MeasurementWorld;
  let staff: Client;
  let partner: Client;
  let org: string;
  let waveId: string;

  beforeAll(async () => {
    world = await buildMeasurementWorld(engine, {}, ['Ana']);
    ({ staff, partner, org } = world);
    const wave = await staff.post(`${org}/engagements/${world.engagementId}/waves`, {
      name: 'Baseline',
      kind: 'baseline',
      scheduledOn: '2021-01-15',
      instruments: [
        { instrumentId: 'support-experience', version: '1.0.0' },
        { instrumentId: 'aim-support', version: '1.0.0' },
      ],
    });
    expect(wave.status).toBe(201);
    waveId = wave.body.id;
  });
  afterAll(() => world.close());

  const invite = async () => {
    const reply = await staff.post(`${org}/waves/${waveId}/invitations`, { anonymous: true });
    expect(reply.status).toBe(201);
    return reply.body as { token: string; response: { id: string } };
  };

  it('offers the survey in its instruments’ languages, with their translations', async () => {
    const { token } = await invite();
    const survey = (await partner.get(`/api/surveys/${token}`)).body;
    expect(survey.languages).toEqual(['en', 'es']);
    expect(survey.language).toBeNull();
    const experience = survey.instruments.find((i: { id: string }) => i.id === 'support-experience');
    expect(experience.translations.es.items.collaboration.text).toMatch(/^Nuestro equipo de apoyo/);
  });

  it('keeps the chosen language with the response and its history, and scores the same in English and Spanish', async () => {
    const english = await invite();
    const spanish = await invite();
    // The Spanish respondent first reads in English, then switches; the switch is kept with its history.
    expect(
      (await partner.request('PUT', `/api/surveys/${spanish.token}/answers`, { answers: {}, language: 'en' })).status,
    ).toBe(200);
    expect(
      (await partner.request('PUT', `/api/surveys/${spanish.token}/answers`, { answers: {}, language: 'es' })).status,
    ).toBe(200);
    expect((await partner.get(`/api/surveys/${spanish.token}`)).body.language).toBe('es');
    expect((await partner.post(`/api/surveys/${spanish.token}/submit`, { answers, language: 'es' })).status).toBe(200);
    expect((await partner.post(`/api/surveys/${english.token}/submit`, { answers, language: 'en' })).status).toBe(200);

    const en = (await staff.get(`${org}/responses/${english.response.id}`)).body;
    const es = (await staff.get(`${org}/responses/${spanish.response.id}`)).body;
    expect(en.language).toBe('en');
    expect(es.language).toBe('es');
    const values = (response: { scores: { instrumentId: string; scoreId: string; value: number | null }[] }) =>
      response.scores
        .map((s) => ({ instrumentId: s.instrumentId, scoreId: s.scoreId, value: s.value }))
        .sort((a, b) => `${a.instrumentId}/${a.scoreId}`.localeCompare(`${b.instrumentId}/${b.scoreId}`));
    expect(values(es)).toEqual(values(en));
    expect(values(es)).toEqual([
      { instrumentId: 'aim-support', scoreId: 'aim', value: 4 },
      { instrumentId: 'support-experience', scoreId: 'collaboration', value: 4 },
      { instrumentId: 'support-experience', scoreId: 'experience', value: 3.6 },
    ]);

    const history = await world.t.store.tenant(world.orgId).history('measurement_response', spanish.response.id);
    expect(history.map((h) => h.changes)).toEqual([
      { language: { from: null, to: 'en' } },
      { language: { from: 'en', to: 'es' } },
    ]);

    // Response progress and the tidy export show the language.
    const progress = (await staff.get(`${org}/waves/${waveId}/progress`)).body;
    const byId = new Map(progress.responses.map((r: { id: string; language: string | null }) => [r.id, r.language]));
    expect([byId.get(english.response.id), byId.get(spanish.response.id)]).toEqual(['en', 'es']);
    const csv = await (
      await staff.raw(`${org}/waves/${waveId}/responses/export?instrumentId=support-experience`)
    ).text();
    const [header, ...rows] = csv.split('\r\n').filter(Boolean);
    const column = header!.split(',').indexOf('language');
    expect(column).toBeGreaterThan(0);
    expect(rows.map((row) => row.split(',')[column]).sort()).toEqual(['en', 'es']);
  });

  it('refuses a language the survey is not offered in, naming the field, and saves nothing of that request', async () => {
    const { token, response } = await invite();
    const reply = await partner.request('PUT', `/api/surveys/${token}/answers`, {
      answers: { 'aim-support': { 'aim-1': 2 } },
      language: 'fr',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { path: 'language', message: '"fr" is not a language of this survey (en, es)' },
    ]);
    const survey = (await partner.get(`/api/surveys/${token}`)).body;
    expect(survey.answers).toEqual({});
    expect(survey.language).toBeNull();
    const submit = await partner.post(`/api/surveys/${token}/submit`, { answers, language: 'xx' });
    expect(submit.status).toBe(400);
    expect(submit.body.error.details[0].path).toBe('language');
    expect((await staff.get(`${org}/responses/${response.id}`)).body.status).toBe('open');
  });
});
