import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';
import { pdfTextRuns, wordsOf } from '../support/pdf-text.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';

const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const unescapeHtml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Checks that a PDF report prints what its HTML twin shows: the entropy formula in its own symbols,
 * every word of every table header whole, and every date of the tables whole (none broken over lines).
 */
async function expectPdfPrintsHtml(pdf: Buffer, html: string, tablesHaveDates: boolean): Promise<void> {
  const runs = await pdfTextRuns(pdf);
  const words = wordsOf(runs);
  expect(runs.join(' ').replace(/\s+/g, ' ')).toContain('H = −Σ pᵢ ln pᵢ');
  const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => unescapeHtml(m[1]!));
  expect(headers.length).toBeGreaterThan(10);
  const headerWords = [...new Set(headers.flatMap((h) => h.split(/\s+/)))];
  expect(headerWords.filter((word) => !words.has(word))).toEqual([]);
  const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => unescapeHtml(m[1]!));
  const dates = [...new Set(cells.flatMap((cell) => cell.match(/\b\d{4}-\d{2}(?:-\d{2})?\b/g) ?? []))];
  expect(dates.length > 0).toBe(tablesHaveDates);
  expect(dates.filter((date) => ![...words].some((word) => word.includes(date)))).toEqual([]);
}

describe.each(engines)('reports over HTTP on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let isp: Client;
  let outsider: Client;
  let org: string;
  let otherOrgId: string;
  let engagementId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    const orgId = (await buildOrganization(t.store, 'Coastal <Collaborative>')).organization.id;
    org = `/api/orgs/${orgId}`;
    const practitioner = await buildMember(t.store, orgId, 'practitioner');
    engagementId = (await buildEngagement(t.store, orgId, practitioner.userId)).engagement.id;
    isp = new Client(server.baseUrl);
    await isp.login(practitioner.email, testPassword);
    const notes = 'Agreed roles. <script>alert("notes")</script>';
    const nextSteps = [
      { text: 'Send <script>alert("step")</script> summary', owner: 'ISP', dueDate: '2020-03-01', done: false },
    ];
    for (const date of ['2020-01-20', '2020-02-18', '2020-04-02'])
      expect(
        (await isp.post(`${org}/interactions`, typicalInteraction(engagementId, { date, notes, nextSteps }))).status,
      ).toBe(201);

    const stagePlan = {
      engagementId,
      stageId: 'readiness-exploration',
      emphasis: [
        { componentId: 'relating', minutesPerMonth: 240 },
        { componentId: 'assessing', minutesPerMonth: 180 },
      ],
      activities: [
        { activityKey: null, text: 'Readiness survey', ownerId: practitioner.userId, dueDate: '2020-03-01' },
      ],
    };
    expect((await isp.post(`${org}/plans`, stagePlan)).status).toBe(201);

    const other = await buildOrganization(t.store);
    otherOrgId = other.organization.id;
    outsider = new Client(server.baseUrl);
    await outsider.login(other.admin.email, testPassword);
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('sends the engagement report as a self-contained HTML page with the SVG charts and escaped user text', async () => {
    const response = await isp.raw(`${org}/reports/engagements/${engagementId}?format=html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="engagement-report-support-for-partner-\w+-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    const html = await response.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
    for (const title of [
      'Dose by month of relationship',
      'Dose by calendar month',
      'Component mix by month of relationship',
      'Principle use',
      'Practice-activity use',
      'Mode mix',
      'Stages',
      'Plan versus actual',
      'Open next steps',
      'Diversity of component use',
      'Recent interactions',
    ])
      expect(html).toContain(`<h2>${title}</h2>`);
    expect(html).toContain('Coastal &lt;Collaborative&gt;');
    expect(html).toContain('Agreed roles. &lt;script&gt;alert(&quot;notes&quot;)&lt;/script&gt;');
    expect(html).toContain('Send &lt;script&gt;alert(&quot;step&quot;)&lt;/script&gt; summary');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('NaN');
    const plan = html.slice(html.indexOf('<h2>Plan versus actual</h2>'), html.indexOf('<h2>Open next steps</h2>'));
    expect(plan).toContain('<svg ');
    expect(plan).toMatch(/<td>All components<\/td><td class="num">420<\/td><td class="num">0<\/td>/);
    expect(plan).toContain('Planned activities over every stage plan: 1 overdue.');
  });

  it('sends the engagement report as a PDF with pages', async () => {
    const response = await isp.raw(`${org}/reports/engagements/${engagementId}?format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="engagement-report-.+\.pdf"$/);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const text = (await pdfTextRuns(pdf)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Plan versus actual');
    expect(text).toContain('Planned activities over every stage plan: 1 overdue.');
    const words = wordsOf(await pdfTextRuns(pdf));
    for (const word of ['Planned', 'Logged', 'minutes', 'All', 'components', '420', '240', '180'])
      expect(words.has(word), word).toBe(true);
  });

  it('sends the organization report for a period, in HTML and PDF', async () => {
    const html = await isp.raw(`${org}/reports/organization?format=html&from=2020-01&to=2020-02`);
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('<dt>Period</dt><dd>2020-01 to 2020-02</dd>');
    expect(text).toContain('<h2>Dose by calendar month</h2>');
    expect(text).toContain('Too few engagements: this view needs at least 3 engagements');
    expect(text).toMatch(/<td>Engagements<\/td><td class="num">1<\/td>/);
    expect(text).toMatch(/<td>Interactions<\/td><td class="num">2<\/td>/);
    expect(text).not.toContain('NaN');
    const pdf = await isp.raw(`${org}/reports/organization?format=pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('prints the symbols, header words and dates of both reports whole in the PDF', async () => {
    // The engagement report's tables hold dates (stages, next steps, interactions); the organization's, none.
    for (const [path, tablesHaveDates] of [
      [`${org}/reports/engagements/${engagementId}`, true],
      [`${org}/reports/organization`, false],
    ] as const) {
      const html = await (await isp.raw(`${path}?format=html`)).text();
      const pdf = Buffer.from(await (await isp.raw(`${path}?format=pdf`)).arrayBuffer());
      await expectPdfPrintsHtml(pdf, html, tablesHaveDates);
    }
  });

  it('refuses an unknown format and an unknown engagement', async () => {
    expect((await isp.get(`${org}/reports/organization?format=docx`)).status).toBe(400);
    expect((await isp.get(`${org}/reports/engagements/nope`)).status).toBe(404);
  });

  it('keeps reports inside their organization', async () => {
    expect((await outsider.get(`${org}/reports/engagements/${engagementId}`)).status).toBe(404);
    expect((await outsider.get(`${org}/reports/organization`)).status).toBe(404);
    const own = await outsider.get(`/api/orgs/${otherOrgId}/reports/engagements/${engagementId}`);
    expect(own.status).toBe(404);
    const report = await outsider.raw(`/api/orgs/${otherOrgId}/reports/organization`);
    const text = await report.text();
    expect(text).not.toContain('Coastal');
    expect(text).toMatch(/<td>Interactions<\/td><td class="num">0<\/td>/);
  });

  it('documents both routes in OpenAPI', async () => {
    const doc = await isp.get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/orgs/{orgId}/reports/engagements/{id}',
        '/api/orgs/{orgId}/reports/organization',
        '/api/orgs/{orgId}/analysis/practice-use',
      ]),
    );
  });
});
