import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redcapDictionaryColumns } from '../../src/domain/support/redcap.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { buildEngagement } from '../support/records.ts';
import { countInteractions } from './files.ts';

const csvType = 'text/csv';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header =
  'engagement_id,date,time,duration_minutes,mode,minutes_relating,activities_relating,minutes_assessing,activities_assessing';

describe('importing and exporting interactions over HTTP', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let admin: Client;
  let orgId: string;
  let engagementId: string;
  let researcherToken: string;
  let practitionerToken: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    engagementId = (await buildEngagement(t.store, orgId, built.admin.userId)).engagement.id;
    admin = new Client(server.baseUrl);
    await admin.login(built.admin.email, testPassword);
    researcherToken = (await admin.post(`/api/orgs/${orgId}/tokens`, { name: 'analysis', role: 'researcher' })).body
      .token;
    practitionerToken = (
      await admin.post(`/api/orgs/${orgId}/tokens`, { name: 'spreadsheet sync', role: 'practitioner' })
    ).body.token;
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  const importUrl = (query: string) => `/api/orgs/${orgId}/interactions/import?${query}`;

  it('checks a CSV body on a dry run (200, nothing written), then writes it', async () => {
    const body = [
      header,
      `${engagementId},2020-02-03,10:00,60,video,20,agree-roles;check-in,30,review-data`,
      `${engagementId},2020-02-04,,45,phone,15,,,`,
    ].join('\r\n');
    const dry = await admin.request('POST', importUrl('dryRun=true'), body, { 'content-type': csvType });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      format: 'wide',
      dryRun: true,
      rowsRead: 2,
      interactions: 2,
      written: 0,
      errors: [],
      errorCount: 0,
    });
    expect(await countInteractions(t.store, orgId)).toBe(0);

    const real = await admin.request('POST', importUrl('format=wide'), body, {
      'content-type': `${csvType}; charset=utf-8`,
    });
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ written: 2, errorCount: 0 });
    expect(await countInteractions(t.store, orgId)).toBe(2);
  });

  it('refuses a file with bad rows with 400 in the standard error shape, writing nothing', async () => {
    const body = [
      header,
      `${engagementId},2020-02-05,10:00,60,video,20,,,`,
      `${engagementId},2020-02-06,10:00,30,video,20,,30,`,
      `${engagementId},2020-02-07,10:00,30,fax,,,,`,
    ].join('\n');
    const before = await countInteractions(t.store, orgId);
    const reply = await admin.request('POST', importUrl('dryRun=false'), body, { 'content-type': csvType });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'validation_failed',
      message: '2 problems in 3 rows; nothing was written',
      details: [
        { path: 'row 3: duration_minutes', message: 'minutes across components (50) exceed the duration (30)' },
        { path: 'row 4: mode', message: '"fax" is not a mode (one of in-person, video, phone, email, other)' },
      ],
    });
    expect(await countInteractions(t.store, orgId)).toBe(before);
  });

  it('imports an XLSX body', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('interactions');
    sheet.addRow(header.split(','));
    sheet.addRow([
      engagementId,
      new Date(Date.UTC(2020, 2, 2)),
      '09:30',
      60,
      'in-person',
      25,
      'agree-roles',
      null,
      null,
    ]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const reply = await fetch(server.baseUrl + importUrl('dryRun=false'), {
      method: 'POST',
      body,
      headers: { 'content-type': xlsxType, authorization: `Bearer ${practitionerToken}` },
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ format: 'wide', written: 1 });
    const imported = (await t.store.tenant(orgId).interactions.allLive()).find((i) => i.date === '2020-03-02');
    expect(imported).toMatchObject({
      time: '09:30',
      mode: 'in-person',
      components: [{ componentId: 'relating', minutes: 25, activityIds: ['agree-roles'] }],
    });
  });

  it('lets a researcher export but not import', async () => {
    const researcher = new Client(server.baseUrl);
    researcher.bearer = researcherToken;
    const refused = await researcher.request('POST', importUrl('dryRun=true'), `${header}\n`, {
      'content-type': csvType,
    });
    expect(refused.status).toBe(403);
    const exported = await researcher.raw(`/api/orgs/${orgId}/interactions/export?format=long`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="interactions-long.csv"');
    const lines = (await exported.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(
      'interaction_key,engagement_id,date,time,duration_minutes,mode,stage_id,component_id,component_minutes,activity_ids,principle_ids,participant_counts,notes',
    );
    // Three interactions: two components, one, one.
    expect(lines).toHaveLength(1 + 4);
  });

  it('exports the wide layout and the REDCap records and dictionary', async () => {
    const wide = await admin.raw(`/api/orgs/${orgId}/interactions/export?format=wide`);
    const wideLines = (await wide.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(wideLines).toHaveLength(1 + 3);
    expect(wideLines[0]).toContain('minutes_co-designing,activities_co-designing');

    const records = await admin.raw(`/api/orgs/${orgId}/interactions/export?format=redcap`);
    expect(records.headers.get('content-disposition')).toBe('attachment; filename="interactions-redcap-records.csv"');
    const recordText = await records.text();
    expect(recordText.startsWith('record_id,')).toBe(true);
    expect(recordText.split('\n')[0]).toContain('activities_relating___agree_roles');
    const dictionary = await admin.raw(`/api/orgs/${orgId}/interactions/export?format=redcap&file=dictionary`);
    expect((await dictionary.text()).split('\n')[0]).toBe(
      redcapDictionaryColumns.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','),
    );

    const noDictionary = await admin.get(`/api/orgs/${orgId}/interactions/export?format=long&file=dictionary`);
    expect(noDictionary.status).toBe(400);
  });

  it('documents both routes in OpenAPI', async () => {
    const paths = (await admin.get('/api/openapi.json')).body.paths;
    expect(paths['/api/orgs/{orgId}/interactions/import'].post.tags).toEqual(['interactions']);
    expect(paths['/api/orgs/{orgId}/interactions/export'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['format', 'file']),
    );
  });
});
