import { createHash } from 'node:crypto';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisScript } from '../../src/analysis/research-export/analysis-script.ts';
import { engagementOutcomes } from '../../src/app/measurement/outcomes.ts';
import { exportKeyHeader } from '../../src/server/research-export/routes.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { logInteraction } from '../../src/app/interactions/log-interaction.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { typicalInteraction } from '../support/records.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { Client, startServer } from '../support/http.ts';
import { buildResearchWorld, readCsv, unzipExport, type ResearchWorld } from './world.ts';

const key = 'research key of the test suite';

/** The CSV files `analysis.R` reads and the columns it needs, as the script itself declares them. */
function scriptInputs(): { file: string; columns: string[] }[] {
  const files = /files <- c\(([\s\S]*?)\n\)/.exec(analysisScript)![1]!;
  const columns = /columns <- list\(([\s\S]*?)\n\)/.exec(analysisScript)![1]!;
  const fileOf = new Map([...files.matchAll(/(\w+) = "([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...columns.matchAll(/(\w+) = c\(([^)]*)\)/g)].map((m) => ({
    file: fileOf.get(m[1]!)!,
    columns: [...m[2]!.matchAll(/"([^"]+)"/g)].map((c) => c[1]!),
  }));
}

describe.each(engines)('the research export over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let world: ResearchWorld;
  let files: Map<string, Uint8Array>;

  const base = () => `/api/orgs/${world.organizationId}/exports/research`;
  const signedIn = async (email: string): Promise<Client> => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, testPassword)).status).toBe(200);
    return client;
  };
  const download = async (
    client: Client,
    query = '',
    exportKey: string | null = key,
  ): Promise<{ response: Response; files: Map<string, Uint8Array> }> => {
    const response = await client.raw(`${base()}${query}`, exportKey === null ? {} : { [exportKeyHeader]: exportKey });
    return {
      response,
      files: response.status === 200 ? unzipExport(new Uint8Array(await response.arrayBuffer())) : new Map(),
    };
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    world = await buildResearchWorld(t.store);
    const researcher = await buildMember(t.store, world.organizationId, 'researcher');
    const reply = await download(await signedIn(researcher.email));
    expect(reply.response.status).toBe(200);
    expect(reply.response.headers.get('content-type')).toBe('application/zip');
    expect(reply.response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="praxis-research-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(reply.response.headers.get(exportKeyHeader)).toBeNull();
    files = reply.files;
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('holds the tables, codebook, model, REDCap dictionaries, analysis.R and README', () => {
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'analysis.R',
        'codebook.csv',
        'codebook.md',
        'data/activities.csv',
        'data/component_minutes.csv',
        'data/engagements.csv',
        'data/interactions.csv',
        'data/outcomes.csv',
        'data/participants.csv',
        'data/principles.csv',
        'models/eis-toc@1.0.0.json',
        'redcap/instrument-aim-support@1.0.0-dictionary.csv',
        'redcap/interactions-dictionary.csv',
        'results/component_mix.csv',
        'results/dose_by_month.csv',
        'results/mixed_model.csv',
      ].sort(),
    );
    expect(JSON.parse(strFromU8(files.get('models/eis-toc@1.0.0.json')!))).toMatchObject({
      id: 'eis-toc',
      version: '1.0.0',
    });
    expect(strFromU8(files.get('redcap/interactions-dictionary.csv')!)).toMatch(/^Variable \/ Field Name,Form Name,/);
  });

  it('contains no name, e-mail address, note, next step, goal, tag or raw id in any file', () => {
    const forbidden = [...world.personal, ...world.rawIds, '@example.org'];
    for (const [name, bytes] of files) {
      const text = strFromU8(bytes);
      for (const value of forbidden) expect(text.includes(value), `${name} contains "${value}"`).toBe(false);
    }
  });

  it('has as many rows as the store has records', async () => {
    const tenant = t.store.tenant(world.organizationId);
    const live = await tenant.interactions.allLive();
    const rows = (name: string) => readCsv(files, `data/${name}.csv`).rows.length;
    expect(rows('engagements')).toBe((await tenant.engagements.list()).length);
    expect(rows('interactions')).toBe(live.length);
    expect(live.length).toBe(world.interactions.length);
    expect(rows('component_minutes')).toBe(live.reduce((s, i) => s + i.components.length, 0));
    expect(rows('activities')).toBe(
      live.reduce((s, i) => s + i.components.reduce((a, c) => a + c.activityIds.length, 0), 0),
    );
    expect(rows('principles')).toBe(live.reduce((s, i) => s + i.principles.length, 0));
    expect(rows('participants')).toBe(live.reduce((s, i) => s + i.participants.contactIds.length, 0));
    let points = 0;
    for (const e of world.engagements)
      for (const series of (await engagementOutcomes(tenant, e.id)).series) points += series.points.length;
    expect(points).toBeGreaterThan(0);
    expect(rows('outcomes')).toBe(points);
    const minutes = readCsv(files, 'data/interactions.csv');
    const duration = minutes.header.indexOf('duration_minutes');
    expect(minutes.rows.reduce((s, r) => s + Number(r[duration]), 0)).toBe(
      live.reduce((s, i) => s + i.durationMinutes, 0),
    );
  });

  it('describes every file and every column of every CSV in the codebook', () => {
    const codebook = readCsv(files, 'codebook.csv');
    expect(codebook.header).toEqual(['file', 'column', 'type', 'allowed_values', 'meaning']);
    const entries = new Set(codebook.rows.map((r) => `${r[0]}|${r[1]}`));
    for (const name of files.keys()) expect(entries.has(`${name}|`), `codebook lists ${name}`).toBe(true);
    const markdown = strFromU8(files.get('codebook.md')!);
    for (const name of [...files.keys()].filter((f) => f.startsWith('data/') || f.startsWith('results/'))) {
      for (const column of readCsv(files, name).header) {
        expect(entries.has(`${name}|${column}`), `codebook lists ${name} ${column}`).toBe(true);
        expect(markdown).toContain(`| \`${column}\` |`);
      }
    }
    expect(codebook.rows.find((r) => r[0] === 'data/component_minutes.csv' && r[1] === 'component_id')![3]).toContain(
      'relating = ',
    );
    expect(markdown).toMatch(/interaction notes; next-step texts/);
  });

  it('gives analysis.R every file and column it reads, and fits the mixed model with lme4', () => {
    expect(analysisScript).toContain('lme4::lmer(');
    expect(analysisScript).toContain('REML = TRUE');
    expect(analysisScript).toContain('type = 7');
    const inputs = scriptInputs();
    expect(inputs.map((i) => i.file)).toEqual([
      'data/engagements.csv',
      'data/interactions.csv',
      'data/component_minutes.csv',
      'data/outcomes.csv',
      'results/dose_by_month.csv',
      'results/component_mix.csv',
      'results/mixed_model.csv',
    ]);
    for (const input of inputs) {
      const header = readCsv(files, input.file).header;
      for (const column of input.columns) expect(header, `${input.file} has ${column}`).toContain(column);
    }
    expect(strFromU8(files.get('analysis.R')!)).toBe(analysisScript);
  });

  it('states provenance and the SHA-256 and row count of every other file in the README', () => {
    const readme = strFromU8(files.get('README.txt')!);
    expect(readme).toMatch(/Praxis version: {2}\d+\.\d+\.\d+/);
    expect(readme).toMatch(/Exported at: {5}\d{4}-\d{2}-\d{2}T/);
    expect(readme).toContain('Practice models: eis-toc@1.0.0');
    expect(readme).toContain('Rscript analysis.R');
    for (const [name, bytes] of files) {
      if (name === 'README.txt') continue;
      const line = readme
        .split('Files (data rows, bytes, SHA-256)')[1]!
        .split('\n')
        .find((l) => l.startsWith(`${name} `));
      expect(line, `README lists ${name}`).toBeDefined();
      expect(line).toContain(createHash('sha256').update(bytes).digest('hex'));
      if (name.startsWith('data/')) expect(line!.split(/\s+/)[1]).toBe(String(readCsv(files, name).rows.length));
    }
  });

  it('keeps pseudonyms stable within a key and different across keys; generates a key when none is sent', async () => {
    const lead = await signedIn((await buildMember(t.store, world.organizationId, 'lead')).email);
    const ids = (f: Map<string, Uint8Array>) =>
      readCsv(f, 'data/engagements.csv')
        .rows.map((r) => `${r[0]}|${r[1]}`)
        .sort();
    const again = await download(lead);
    expect(ids(again.files)).toEqual(ids(files));
    const other = await download(lead, '', 'a different export key');
    expect(ids(other.files)).toHaveLength(ids(files).length);
    for (const id of ids(other.files)) expect(ids(files)).not.toContain(id);
    const generated = await download(lead, '', null);
    const newKey = generated.response.headers.get(exportKeyHeader)!;
    expect(newKey.length).toBeGreaterThanOrEqual(32);
    expect(ids((await download(lead, '', newKey)).files)).toEqual(ids(generated.files));
  });

  it('limits the export to one engagement and a date range', async () => {
    const admin = await signedIn(world.adminEmail);
    const engagement = world.engagements[2]!;
    const one = await download(admin, `?engagementId=${engagement.id}&from=2020-05-01&to=2020-06-30`);
    expect(one.response.status).toBe(200);
    expect(readCsv(one.files, 'data/engagements.csv').rows).toHaveLength(1);
    const expected = world.interactions.filter(
      (i) => i.engagementId === engagement.id && i.date >= '2020-05-01' && i.date <= '2020-06-30',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(readCsv(one.files, 'data/interactions.csv').rows).toHaveLength(expected.length);
    const readme = strFromU8(one.files.get('README.txt')!);
    expect(readme).toMatch(
      /Filters: +interactions and waves from 2020-05-01, up to 2020-06-30, engagement E-[0-9a-f]{16} only/,
    );
    expect(readme).not.toContain(engagement.id);
  });

  it('still goes out when the data admit no mixed model, saying why its table is empty', async () => {
    const admin = await signedIn(world.adminEmail);
    // No interaction falls in this period, so every engagement-month has zero minutes: a constant outcome.
    const empty = await download(admin, '?from=2031-01-01&to=2031-12-31');
    expect(empty.response.status).toBe(200);
    expect(readCsv(empty.files, 'data/interactions.csv').rows).toHaveLength(0);
    expect(readCsv(empty.files, 'results/mixed_model.csv').rows).toHaveLength(0);
    expect(strFromU8(empty.files.get('codebook.md')!)).toContain(
      'No model could be fitted to the exported data: the outcome has zero variance',
    );
  });

  it('refuses a short key, a reversed range and an unknown engagement with the field named', async () => {
    const admin = await signedIn(world.adminEmail);
    const short = await admin.request('GET', base(), undefined, { [exportKeyHeader]: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([{ path: 'key', message: 'must be at least 16 characters' }]);
    const reversed = await admin.request('GET', `${base()}?from=2020-06-01&to=2020-05-01`, undefined, {
      [exportKeyHeader]: key,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0].path).toBe('to');
    const unknown = await admin.request('GET', `${base()}?engagementId=nope`, undefined, { [exportKeyHeader]: key });
    expect(unknown.status).toBe(404);
  });

  it('refuses practitioners and partners (403), other organizations (404) and anonymous callers (401)', async () => {
    for (const role of ['practitioner', 'partner'] as const) {
      const reply = await (await signedIn((await buildMember(t.store, world.organizationId, role)).email)).get(base());
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    const other = await buildOrganization(t.store);
    const outsider = await signedIn(other.admin.email);
    expect((await outsider.get(base())).status).toBe(404);
    const ownExport = await outsider.raw(`/api/orgs/${other.organization.id}/exports/research`, {
      [exportKeyHeader]: key,
    });
    const ownFiles = unzipExport(new Uint8Array(await ownExport.arrayBuffer()));
    expect(readCsv(ownFiles, 'data/engagements.csv').rows).toHaveLength(0);
    expect(readCsv(ownFiles, 'data/interactions.csv').rows).toHaveLength(0);
    expect((await new Client(server.baseUrl).get(base())).status).toBe(401);
  });

  it('guards text a spreadsheet would read as a formula in every CSV, and writes negative numbers as they are', async () => {
    const lead = await buildMember(t.store, world.organizationId, 'lead');
    const partner = await createPartner(
      t.store,
      world.organizationId,
      {
        name: 'Formula agency',
        kind: 'organization',
        parentId: null,
        type: '=HYPERLINK("http://evil.example")',
        region: "+cmd|' /C calc'!A0",
        stateOrCountry: '@SUM(1+1)',
        tags: [],
      },
      lead.userId,
    );
    const engagement = await createEngagement(
      t.store,
      world.organizationId,
      {
        partnerId: partner.id,
        name: 'Formula engagement',
        supportTeam: [],
        startDate: '2020-01-15',
        endDate: null,
        modelId: 'eis-toc',
        modelVersion: '1.0.0',
        stages: [{ stageId: 'readiness-exploration', startedOn: '2020-01-15' }],
        goals: [],
      },
      lead.userId,
    );
    await logInteraction(t.store, world.organizationId, typicalInteraction(engagement.id), lead.userId);
    const { files: hostile } = await download(await signedIn(lead.email), `?engagementId=${engagement.id}`);
    const engagements = readCsv(hostile, 'data/engagements.csv');
    const row = engagements.rows[0]!;
    const cell = (name: string) => row[engagements.header.indexOf(name)];
    expect(cell('partner_type')).toBe('\'=HYPERLINK("http://evil.example")');
    expect(cell('region')).toBe("'+cmd|' /C calc'!A0");
    expect(cell('state_or_country')).toBe("'@SUM(1+1)");
    // Anywhere in the export, a cell may start with '-' only as a number Praxis wrote, and with none of the
    // others; REDCap dictionaries apart, whose action tags and negative choice codes are REDCap's grammar.
    const redcapGrammar = /^@[A-Z][A-Z0-9_-]*(?=$|[\s=(])|^-\d+(\.\d+)?\s*,/;
    for (const export_ of [hostile, files])
      for (const name of [...export_.keys()].filter((f) => f.endsWith('.csv'))) {
        const { header, rows } = readCsv(export_, name);
        const dictionary = name.endsWith('dictionary.csv');
        for (const value of [...header, ...rows.flat()]) {
          if (dictionary && redcapGrammar.test(value)) continue;
          expect(value, `${name}: ${JSON.stringify(value)}`).not.toMatch(/^[=+@\t\r]/);
          if (value.startsWith('-')) expect(Number.isFinite(Number(value)), `${name}: ${value}`).toBe(true);
        }
      }
  });
});
