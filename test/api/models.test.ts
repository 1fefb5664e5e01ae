import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eisToc } from '../../src/model/builtin/index.ts';
import { formatModel } from '../../src/model/format.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

describe.each(engines)('practice models over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let admin: Client;
  let org: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    org = `/api/orgs/${built.organization.id}`;
    admin = new Client(server.baseUrl);
    await admin.login(built.admin.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('gives every new organization the built-in models', async () => {
    const list = await admin.get(`${org}/models`);
    expect(list.body.items.map((m: { id: string; version: string }) => `${m.id}@${m.version}`)).toEqual([
      'eis-toc@1.0.0',
      'isp-profile@1.0.0',
    ]);
    const document = await admin.get(`${org}/models/eis-toc`);
    expect(document.body.components).toHaveLength(10);
    expect(document.body.principles).toHaveLength(8);
  });

  it('publishes a new version, keeps the old one readable, and round-trips YAML through the database', async () => {
    const next = structuredClone(eisToc);
    next.version = '1.1.0';
    next.components = next.components.map((c) => (c.id === 'brokering' ? { ...c, id: 'connecting' } : c));
    next.links = next.links.map((l) => ({
      ...l,
      from: l.from === 'brokering' ? 'connecting' : l.from,
      to: l.to === 'brokering' ? 'connecting' : l.to,
    }));
    next.stages = next.stages.map((s) => ({
      ...s,
      emphasizes: s.emphasizes.map((id) => (id === 'brokering' ? 'connecting' : id)),
      typicalComponents: s.typicalComponents?.map((t) =>
        t.component === 'brokering' ? { ...t, component: 'connecting' } : t,
      ),
    }));
    const unmapped = await admin.post(`${org}/models`, { text: formatModel(next, 'yaml'), format: 'yaml' });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.details.some((d: { message: string }) => d.message.includes('brokering'))).toBe(true);

    next.supersedes = { version: '1.0.0', idMap: { brokering: 'connecting' } };
    const published = await admin.post(`${org}/models`, { text: formatModel(next, 'yaml'), format: 'yaml' });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ id: 'eis-toc', version: '1.1.0' });
    expect((await admin.get(`${org}/models/eis-toc`)).body).toEqual(next);
    expect((await admin.get(`${org}/models/eis-toc?version=1.0.0`)).body).toEqual(eisToc);
    const again = await admin.post(`${org}/models`, { document: next });
    expect(again.status).toBe(400);
    expect(again.body.error.details).toContainEqual({
      path: 'version',
      message: 'must be greater than the previous version "1.1.0"',
    });
    const yaml = await admin.raw(`${org}/models/eis-toc/export?format=yaml&version=1.1.0`);
    expect(await yaml.text()).toBe(formatModel(next, 'yaml'));
  });

  it('validates without publishing, naming every problem by path', async () => {
    const broken = structuredClone(eisToc) as Record<string, any>;
    broken.id = 'my-model';
    broken.components[3].activities[1].id = broken.components[3].activities[0].id;
    broken.outcomes[0].levels = [];
    const verdict = await admin.post(`${org}/models/validate`, { document: broken });
    expect(verdict.status).toBe(200);
    expect(verdict.body.valid).toBe(false);
    const paths = verdict.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('components[3].activities[1].id');
    expect(paths).toContain('outcomes[0].levels');
    const syntax = await admin.post(`${org}/models/validate`, { text: 'id: [unclosed' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.details[0].message).toMatch(/line 1/);
    expect((await admin.get(`${org}/models`)).body.items.map((m: { id: string }) => m.id)).not.toContain('my-model');
  });

  it('draws the diagram as SVG with every component and outcome', async () => {
    const reply = await admin.raw(`${org}/models/eis-toc/diagram.svg?version=1.0.0&overlay=status`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('image/svg+xml');
    const svg = await reply.text();
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const element of [...eisToc.components, ...eisToc.outcomes]) {
      const firstWord = escape(element.name.split(' ')[0]!);
      expect(svg).toContain(firstWord);
    }
  });

  it('lets only administrators publish', async () => {
    const orgId = org.split('/').at(-1)!;
    const lead = await buildMember(t.store, orgId, 'lead');
    const client = new Client(server.baseUrl);
    await client.login(lead.email, testPassword);
    expect((await client.get(`${org}/models`)).status).toBe(200);
    const next = { ...structuredClone(eisToc), version: '9.0.0' };
    expect((await client.post(`${org}/models`, { document: next })).status).toBe(403);
  });
});
