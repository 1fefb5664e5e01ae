import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spearman } from '../../src/analysis/stats/index.ts';
import { registrationHash } from '../../src/domain/hypotheses/content-hash.ts';
import { HypothesisRegistration } from '../../src/domain/hypotheses/registration.ts';
import { evidenceColors } from '../../src/domain/hypotheses/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { buildTailoringStudy, tailoringRegistration } from '../support/hypothesis-data.ts';
import { Client, startServer } from '../support/http.ts';

const rises = [0, 1, 1, 2, 3];

describe.each(engines)('hypotheses over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let researcher: Client;
  let lead: Client;
  let practitioner: Client;
  let outsider: Client;
  let org: string;
  let id: string;
  let study: { doses: number[]; changes: number[] };

  const client = async (email: string) => {
    const c = new Client(server.baseUrl);
    expect((await c.login(email, testPassword)).status).toBe(200);
    return c;
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const { organization, admin } = await buildOrganization(t.store);
    org = `/api/orgs/${organization.id}`;
    study = await buildTailoringStudy(t.store, organization.id, admin.userId, rises);
    researcher = await client((await buildMember(t.store, organization.id, 'researcher')).email);
    lead = await client((await buildMember(t.store, organization.id, 'lead')).email);
    practitioner = await client((await buildMember(t.store, organization.id, 'practitioner')).email);
    const other = await buildOrganization(t.store);
    outsider = await client(other.admin.email);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('registers a draft for researchers only, and names every problem of a bad registration', async () => {
    expect((await practitioner.post(`${org}/hypotheses`, tailoringRegistration)).status).toBe(403);
    expect((await lead.post(`${org}/hypotheses`, tailoringRegistration)).status).toBe(403);
    const bad = await researcher.post(`${org}/hypotheses`, {
      ...tailoringRegistration,
      linkId: 'no-such-link',
      outcome: { ...tailoringRegistration.outcome, level: 'system' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['linkId', 'outcome.level']);
    const malformed = await researcher.post(`${org}/hypotheses`, { ...tailoringRegistration, alpha: 2 });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.error.details)).toContain('alpha');
    const reply = await researcher.post(`${org}/hypotheses`, { ...tailoringRegistration, alpha: 0.1 });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      status: 'draft',
      version: 1,
      contentHash: null,
      lockedAt: null,
      latestRun: null,
    });
    id = reply.body.id;
    expect((await lead.get(`${org}/hypotheses`)).body.items.map((h: { id: string }) => h.id)).toEqual([id]);
    expect((await practitioner.get(`${org}/hypotheses`)).status).toBe(403);
  });

  it('edits a draft with optimistic concurrency, and refuses to run it', async () => {
    const edited = await researcher.request('PUT', `${org}/hypotheses/${id}`, {
      version: 1,
      registration: tailoringRegistration,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, registration: { alpha: 0.05 } });
    const stale = await researcher.request('PUT', `${org}/hypotheses/${id}`, {
      version: 1,
      registration: tailoringRegistration,
    });
    expect(stale.status).toBe(409);
    const run = await researcher.post(`${org}/hypotheses/${id}/runs`);
    expect(run.status).toBe(409);
    expect(run.body.error.message).toMatch('Lock the hypothesis before running it');
  });

  it('locks with the time and the SHA-256 of the canonical registration; a locked hypothesis cannot change', async () => {
    const locked = await researcher.post(`${org}/hypotheses/${id}/lock`, { version: 2 });
    expect(locked.status).toBe(200);
    expect(locked.body.status).toBe('locked');
    expect(locked.body.contentHash).toBe(await registrationHash(HypothesisRegistration.parse(tailoringRegistration)));
    expect(Date.parse(locked.body.lockedAt)).not.toBeNaN();
    const edit = await researcher.request('PUT', `${org}/hypotheses/${id}`, {
      version: 3,
      registration: { ...tailoringRegistration, alpha: 0.2 },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch('can no longer be edited');
    expect((await researcher.post(`${org}/hypotheses/${id}/lock`, { version: 3 })).status).toBe(409);
    expect((await researcher.get(`${org}/hypotheses/${id}`)).body.registration.alpha).toBe(0.05);
  });

  it('runs on demand, reports against the registration and keeps every run', async () => {
    const run = await researcher.post(`${org}/hypotheses/${id}/runs`);
    expect(run.status).toBe(201);
    const expected = spearman(study.doses, study.changes, { confLevel: 0.95 });
    expect(run.body.contentHash).toBe((await researcher.get(`${org}/hypotheses/${id}`)).body.contentHash);
    expect(run.body.result).toMatchObject({
      outcome: 'completed',
      n: 5,
      engagements: 5,
      p: expected.p,
      alpha: 0.05,
      direction: { registered: 'positive', observed: 'positive', matched: true },
    });
    expect(run.body.result.effect.value).toBeCloseTo(expected.estimate.value, 12);
    expect(run.body.result.verdict).toBe(expected.p < 0.05 ? 'supported' : 'inconclusive');
    expect(run.body.result.reference).toContain('cor.test');
    expect(run.body.result.warnings.join(' ')).toMatch(/ties/);
    expect((await lead.post(`${org}/hypotheses/${id}/runs`)).status).toBe(403);
    expect((await researcher.post(`${org}/hypotheses/${id}/runs`)).status).toBe(201);
    const runs = await lead.get(`${org}/hypotheses/${id}/runs`);
    expect(runs.body.items).toHaveLength(2);
    expect((await lead.get(`${org}/hypotheses/${id}`)).body.latestRun).toMatchObject({
      id: runs.body.items[0].id,
      verdict: run.body.result.verdict,
    });
  });

  it('colours the model link by its evidence, in the evidence endpoint and the diagram', async () => {
    const evidence = await lead.get(`${org}/models/eis-toc/evidence`);
    expect(evidence.status).toBe(200);
    const links = new Map(evidence.body.links.map((l: { linkId: string }) => [l.linkId, l]));
    const verdict = (await lead.get(`${org}/hypotheses/${id}`)).body.latestRun.verdict;
    expect(links.get(tailoringRegistration.linkId)).toMatchObject({ evidence: verdict, hypotheses: [{ id, verdict }] });
    expect(links.get('coaching-via-self-efficacy-to-implementation-self-efficacy')).toMatchObject({
      evidence: 'untested',
      hypotheses: [],
    });
    const svg = await lead.raw(`${org}/models/eis-toc/diagram.svg?overlay=evidence`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('cache-control')).toBe('no-store');
    const text = await svg.text();
    expect(text).toContain('Evidence from hypothesis tests');
    expect(text).toContain(evidenceColors[verdict as keyof typeof evidenceColors]);
    expect(text).toContain(evidenceColors.untested);
    expect((await practitioner.raw(`${org}/models/eis-toc/diagram.svg?overlay=evidence`)).status).toBe(403);
    expect((await practitioner.raw(`${org}/models/eis-toc/diagram.svg?overlay=status`)).status).toBe(200);
  });

  it('withdraws with a reason and history; a withdrawn hypothesis is not run and no longer counts', async () => {
    expect((await researcher.post(`${org}/hypotheses/${id}/withdraw`, { version: 3, reason: ' ' })).status).toBe(400);
    const withdrawn = await researcher.post(`${org}/hypotheses/${id}/withdraw`, {
      version: 3,
      reason: 'The month-6 wave used a different instrument version',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'The month-6 wave used a different instrument version',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await researcher.post(`${org}/hypotheses/${id}/runs`)).status).toBe(409);
    expect((await researcher.post(`${org}/hypotheses/${id}/withdraw`, { version: 4, reason: 'again' })).status).toBe(
      409,
    );
    expect((await lead.get(`${org}/hypotheses/${id}/runs`)).body.items).toHaveLength(2);
    const history = (await lead.get(`${org}/hypotheses/${id}/history`)).body.items;
    expect(history.map((h: { action: string; version: number }) => `${h.action}@${h.version}`)).toEqual([
      'create@1',
      'update@2',
      'update@3',
      'update@4',
    ]);
    expect(history[2].changes.status).toEqual(['draft', 'locked']);
    expect(history[3].changes.status).toEqual(['locked', 'withdrawn']);
    const evidence = await lead.get(`${org}/models/eis-toc/evidence`);
    expect(
      evidence.body.links.find((l: { linkId: string }) => l.linkId === tailoringRegistration.linkId).evidence,
    ).toBe('untested');
  });

  it('keeps organizations apart: another organization sees nothing and gets 404', async () => {
    const otherOrg = (await outsider.get('/api/orgs')).body.items[0].id;
    expect((await outsider.get(`/api/orgs/${otherOrg}/hypotheses`)).body.items).toEqual([]);
    expect((await outsider.get(`/api/orgs/${otherOrg}/hypotheses/${id}`)).status).toBe(404);
    expect((await outsider.post(`/api/orgs/${otherOrg}/hypotheses/${id}/runs`)).status).toBe(404);
    expect((await outsider.get(`${org}/hypotheses/${id}`)).status).toBe(404);
  });

  it('documents every hypothesis route in OpenAPI', async () => {
    const spec = (await lead.get('/api/openapi.json')).body;
    expect(
      Object.keys(spec.paths)
        .filter((p) => p.includes('hypotheses') || p.endsWith('/evidence'))
        .sort(),
    ).toEqual([
      '/api/orgs/{orgId}/hypotheses',
      '/api/orgs/{orgId}/hypotheses/{id}',
      '/api/orgs/{orgId}/hypotheses/{id}/history',
      '/api/orgs/{orgId}/hypotheses/{id}/lock',
      '/api/orgs/{orgId}/hypotheses/{id}/runs',
      '/api/orgs/{orgId}/hypotheses/{id}/withdraw',
      '/api/orgs/{orgId}/models/{modelId}/evidence',
    ]);
  });
});
