import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { ImportMapping } from '../../src/domain/support/import-mapping.ts';
import { activitySheetMapping, activitySheetRows, trackedInteractions } from '../../src/demo/tracker-files.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement } from '../support/records.ts';
import { countInteractions, tempFolder, writeXlsx } from './files.ts';

const csvType = 'text/csv';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fixtures = path.resolve(import.meta.dirname, '../fixtures/trackers');
const qualtrics = readFileSync(path.join(fixtures, 'qualtrics-contact-log.csv'), 'utf8');
const finished = qualtrics.split('\r\n').filter((line) => line.includes(',True,')).length;
const sites = ['North Valley', 'Harbor County', 'Eastside Schools'];

describe.each(engines)('mapped imports and saved mappings over HTTP (%s)', { timeout: 120_000 }, (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let admin: Client;
  let orgId: string;
  let researcherToken: string;
  let practitionerToken: string;
  let siteIds: Record<string, string>;
  const folder = tempFolder();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    const first = (await buildEngagement(t.store, orgId, built.admin.userId)).engagement;
    siteIds = {};
    for (const site of sites)
      siteIds[site] = (
        await createEngagement(
          t.store,
          orgId,
          { ...first, name: `Support for ${site}`, stages: [] },
          built.admin.userId,
        )
      ).id;
    admin = new Client(server.baseUrl);
    await admin.login(built.admin.email, testPassword);
    researcherToken = (await admin.post(`/api/orgs/${orgId}/tokens`, { name: 'analysis', role: 'researcher' })).body
      .token;
    practitionerToken = (await admin.post(`/api/orgs/${orgId}/tokens`, { name: 'sync', role: 'practitioner' })).body
      .token;
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
    folder.dispose();
  });

  const qualtricsMapping = () => {
    const mapping = JSON.parse(readFileSync(path.join(fixtures, 'qualtrics-contact-log.mapping.json'), 'utf8'));
    mapping.engagement.names = siteIds;
    return mapping;
  };

  it('saves a mapping, refuses a stale save with 409, keeps every version, exports it and soft-deletes it', async () => {
    const base = `/api/orgs/${orgId}/import-mappings`;
    const created = await admin.post(base, qualtricsMapping());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Qualtrics contact log', version: 1, mapping: { source: 'qualtrics' } });
    const id = created.body.id as string;

    const renamed = { ...qualtricsMapping(), name: 'Contact log 2020–2024' };
    const updated = await admin.request('PUT', `${base}/${id}`, { version: 1, mapping: renamed });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Contact log 2020–2024', version: 2 });
    const stale = await admin.request('PUT', `${base}/${id}`, { version: 1, mapping: qualtricsMapping() });
    expect(stale.status).toBe(409);

    const history = await admin.get(`${base}/${id}/history`);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);

    const exported = await admin.get(`${base}/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      'attachment; filename="Contact-log-2020-2024.mapping.json"',
    );
    expect(exported.body).toEqual(ImportMapping.parse(renamed));
    // The export imports back as a new mapping.
    const again = await admin.post(base, exported.body);
    expect(again.status).toBe(201);

    const invalidMapping = await admin.post(base, { ...qualtricsMapping(), version: 2, mode: { value: 'fax' } });
    expect(invalidMapping.status).toBe(400);
    expect(invalidMapping.body.error.details.map((d: { path: string }) => d.path)).toEqual(['version', 'mode']);

    const removed = await admin.request('DELETE', `${base}/${again.body.id}?version=1`);
    expect(removed.status).toBe(200);
    expect((await admin.get(base)).body.items.map((m: { id: string }) => m.id)).toEqual([id]);

    // Whoever may not import may not see the mappings either.
    const researcher = new Client(server.baseUrl);
    researcher.bearer = researcherToken;
    expect((await researcher.get(base)).status).toBe(403);
  });

  it('previews the Qualtrics export through a saved mapping (nothing written), then imports it', async () => {
    const saved = (await admin.get(`/api/orgs/${orgId}/import-mappings`)).body.items[0];
    const preview = await admin.request(
      'POST',
      `/api/orgs/${orgId}/interactions/import/preview?mappingId=${saved.id}`,
      qualtrics,
      { 'content-type': csvType },
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, rowsRead: finished, interactions: finished, errorCount: 0 });
    expect(preview.body.preview).toHaveLength(20);
    expect(preview.body.preview[0]).toMatchObject({ row: 4, interaction: { engagementId: expect.any(String) } });
    expect(preview.body.mapping).toMatchObject({ source: 'qualtrics', columns: expect.arrayContaining(['Q1']) });
    expect(await countInteractions(t.store, orgId)).toBe(0);

    const real = await admin.request(
      'POST',
      `/api/orgs/${orgId}/interactions/import/mapped?mappingId=${saved.id}`,
      qualtrics,
      { 'content-type': csvType },
    );
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ written: finished, errorCount: 0 });
    expect(await countInteractions(t.store, orgId)).toBe(finished);
  });

  /** A mapped import's multipart form: the table as `file`, the inline mapping as `mapping`. */
  const mappedForm = (mapping: string | undefined, table: Blob | undefined, name = 'table.csv') => {
    const form = new FormData();
    if (mapping !== undefined) form.set('mapping', mapping);
    if (table !== undefined) form.set('file', table, name);
    return form;
  };

  it('imports a per-activity spreadsheet through an inline mapping of any size, and refuses bad rows with 400', async () => {
    const tracked = trackedInteractions({ seed: 11, count: 9, sites: 3, start: '2021-06-01' });
    const file = await writeXlsx(folder.file(`sheet-${engine}.xlsx`), activitySheetRows(tracked, sites));
    // A real mapping can be long: hundreds of site spellings mapped to the three engagements.
    const names: Record<string, string> = { ...siteIds };
    for (let i = 0; i < 600; i++) names[`Former site name number ${i}`] = siteIds[sites[i % 3]!]!;
    const inline = JSON.stringify(activitySheetMapping(names));
    expect(inline.length).toBeGreaterThan(30_000);
    const before = await countInteractions(t.store, orgId);
    const practitioner = new Client(server.baseUrl);
    practitioner.bearer = practitionerToken;
    const reply = await practitioner.post(
      `/api/orgs/${orgId}/interactions/import/mapped`,
      mappedForm(inline, new Blob([readFileSync(file)], { type: xlsxType }), 'sheet.xlsx'),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ written: 9, mapping: { source: 'table' } });
    expect(await countInteractions(t.store, orgId)).toBe(before + 9);

    const bad = new Blob(
      [['Site,Date,Contact,Total minutes', 'Nowhere,1/2/2022,Email,20', 'North Valley,1/2/2022,Email,'].join('\r\n')],
      { type: csvType },
    );
    const refused = await admin.post(`/api/orgs/${orgId}/interactions/import/mapped`, mappedForm(inline, bad));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'row 1: Relationships (min)', message: 'is named by the mapping but is not a column of the file' },
      ]),
    );
    expect(await countInteractions(t.store, orgId)).toBe(before + 9);

    const preview = `/api/orgs/${orgId}/interactions/import/preview`;
    const noMapping = await admin.request('POST', preview, 'Site\r\n', { 'content-type': csvType });
    expect(noMapping.status).toBe(400);
    expect(noMapping.body.error.details[0].path).toBe('query.mappingId');
    const brokenMapping = await admin.post(preview, mappedForm('{"format":1}', bad));
    expect(brokenMapping.status).toBe(400);
    expect(brokenMapping.body.error.details[0].path).toMatch(/^body\.mapping\.format/);
    const notJson = await admin.post(preview, mappedForm('{"format":', bad));
    expect(notJson.body.error.details).toEqual([
      { path: 'body.mapping', message: expect.stringMatching(/^is not JSON/) },
    ]);
    const noFile = await admin.post(preview, mappedForm(inline, undefined));
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details).toEqual([{ path: 'body.file', message: 'is required: a CSV or XLSX file' }]);
    const saved = (await admin.get(`/api/orgs/${orgId}/import-mappings`)).body.items[0];
    const both = await admin.post(`${preview}?mappingId=${saved.id}`, mappedForm(inline, bad));
    expect(both.status).toBe(400);
    expect(both.body.error.details[0].path).toBe('body.mapping');
    // The native import takes the table as the body only.
    const nativeForm = await admin.post(`/api/orgs/${orgId}/interactions/import`, mappedForm(inline, bad));
    expect(nativeForm.status).toBe(415);
    expect(await countInteractions(t.store, orgId)).toBe(before + 9);
  });

  it('restores a deleted mapping with a history entry; a stale restore or save gets 409; a researcher is refused', async () => {
    const base = `/api/orgs/${orgId}/import-mappings`;
    const created = await admin.post(base, { ...qualtricsMapping(), name: 'To restore' });
    const id = created.body.id as string;
    const deleted = await admin.request('DELETE', `${base}/${id}?version=1`);
    expect(deleted.body).toMatchObject({ version: 2, deletedAt: expect.any(String) });
    expect((await admin.get(base)).body.items.map((m: { id: string }) => m.id)).not.toContain(id);

    const researcher = new Client(server.baseUrl);
    researcher.bearer = researcherToken;
    expect((await researcher.post(`${base}/${id}/restore`)).status).toBe(403);

    const restored = await admin.post(`${base}/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id, name: 'To restore', version: 3, deletedAt: null });
    expect((await admin.get(base)).body.items.map((m: { id: string }) => m.id)).toContain(id);
    const history = await admin.get(`${base}/${id}/history`);
    expect(history.body.items.map((h: { action: string; version: number }) => [h.action, h.version])).toEqual([
      ['create', 1],
      ['delete', 2],
      ['restore', 3],
    ]);

    // Restoring again acts on a mapping that is no longer deleted; a save from before the delete is stale.
    const again = await admin.post(`${base}/${id}/restore`);
    expect(again.status).toBe(409);
    const stale = await admin.request('PUT', `${base}/${id}`, { version: 1, mapping: qualtricsMapping() });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ path: 'version', message: 'is 1; the current version is 3' }]);
    expect((await admin.get(`${base}/${id}`)).body).toMatchObject({ version: 3, name: 'To restore' });
    expect((await admin.get(`${base}/${id}/history`)).body.items).toHaveLength(3);
  });
});
