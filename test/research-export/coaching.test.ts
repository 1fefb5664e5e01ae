import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisScript } from '../../src/analysis/research-export/analysis-script.ts';
import { createPseudonymizer } from '../../src/analysis/research-export/pseudonyms.ts';
import { recordObservation } from '../../src/app/coaching/record-observation.ts';
import { recordSelfAssessment } from '../../src/app/coaching/record-self-assessment.ts';
import { reviewInteraction } from '../../src/app/coaching/review-interaction.ts';
import { exportKeyHeader } from '../../src/server/research-export/routes.ts';
import { buildMember, testPassword } from '../support/factories.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { Client, startServer } from '../support/http.ts';
import { buildResearchWorld, readCsv, unzipExport, type ResearchWorld } from './world.ts';

const key = 'research key of the coaching tables';
const coachingFiles = [
  'data/coaching_activity_ratings.csv',
  'data/coaching_ratings.csv',
  'data/coaching_self_ratings.csv',
];
/** Free text written into the coaching records: none may appear in an export. */
const coachingText = {
  comment: 'Periwinkle abacus comment',
  feedback: 'Feedback about the brass lighthouse',
  notes: 'Observed near the walnut orchard',
  principle: 'Principle noted beside the amber kiln',
};

/** The columns and CSV files analysis.R reads from the coaching tables, as the script declares them. */
function coachingScriptInputs(): { file: string; columns: string[] }[] {
  const files = /coaching_files <- c\(([\s\S]*?)\n\)/.exec(analysisScript)![1]!;
  const columns = /coaching_columns <- list\(([\s\S]*?)\n\)/.exec(analysisScript)![1]!;
  const fileOf = new Map([...files.matchAll(/(\w+) = "([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...columns.matchAll(/(\w+) = c\(([^)]*)\)/g)].map((m) => ({
    file: fileOf.get(m[1]!)!,
    columns: [...m[2]!.matchAll(/"([^"]+)"/g)].map((c) => c[1]!),
  }));
}

describe.each(engines)('coaching in the research export on %s', (engine) => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let world: ResearchWorld;
  let admin: Client;
  let researcher: Client;
  const coachingIds: string[] = [];
  const pseudonym = createPseudonymizer(key);

  const settingsPath = () => `/api/orgs/${world.organizationId}/research-settings`;
  const signedIn = async (email: string): Promise<Client> => {
    const client = new Client(server.baseUrl);
    expect((await client.login(email, testPassword)).status).toBe(200);
    return client;
  };
  const download = async (query = ''): Promise<Map<string, Uint8Array>> => {
    const response = await researcher.raw(`/api/orgs/${world.organizationId}/exports/research${query}`, {
      [exportKeyHeader]: key,
    });
    expect(response.status).toBe(200);
    return unzipExport(new Uint8Array(await response.arrayBuffer()));
  };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    server = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '1000' });
    world = await buildResearchWorld(t.store);
    const orgId = world.organizationId;
    const coach = { userId: world.adminId, role: 'admin' as const };
    const [first, second] = world.interactions;
    const review = await reviewInteraction(t.store, orgId, coach, {
      interactionId: first!.id,
      ratings: [
        {
          componentId: 'relating',
          quality: 4,
          activities: [
            { activityId: 'agree-roles', rating: 'as-defined' },
            { activityId: 'check-in', rating: 'partly' },
          ],
          comment: coachingText.comment,
        },
        { componentId: 'assessing', quality: null, activities: [], comment: '' },
      ],
      feedback: coachingText.feedback,
    });
    const observation = await recordObservation(t.store, orgId, coach, {
      engagementId: world.engagements[0]!.id,
      practitionerId: world.ispId,
      interactionId: second!.id,
      date: '2020-03-02',
      ratings: [
        {
          componentId: 'co-designing',
          quality: 2,
          activities: [{ activityId: 'set-goals', rating: 'not-done' }],
          comment: coachingText.comment,
        },
      ],
      principles: [{ principleId: 'relationship-centered', observed: 'evident', note: coachingText.principle }],
      notes: coachingText.notes,
    });
    const selfAssessment = await recordSelfAssessment(
      t.store,
      orgId,
      { userId: world.ispId, role: 'practitioner' },
      { date: '2020-02-01', modelId: 'eis-toc', modelVersion: '1.0.0', ratings: { relating: 2, assessing: 3 } },
    );
    coachingIds.push(review.id, observation.id, selfAssessment.id);
    admin = await signedIn(world.adminEmail);
    researcher = await signedIn((await buildMember(t.store, orgId, 'researcher')).email);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('is off by default: the export holds no coaching table and the codebook no coaching column', async () => {
    const settings = await researcher.get(settingsPath());
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ settings: { includeCoaching: false }, version: 0 });
    const files = await download();
    expect([...files.keys()].filter((f) => f.includes('coaching'))).toEqual([]);
    expect(strFromU8(files.get('codebook.csv')!)).not.toContain('data/coaching_');
  });

  it('is changed by administrators only, refuses a stale save with 409 and keeps each change in the history', async () => {
    const body = { settings: { includeCoaching: true }, version: 0 };
    for (const role of ['researcher', 'lead', 'practitioner'] as const) {
      const member = await signedIn((await buildMember(t.store, world.organizationId, role)).email);
      expect((await member.request('PUT', settingsPath(), body)).status, role).toBe(403);
    }
    expect(
      (await admin.request('PUT', settingsPath(), { settings: { includeCoaching: 'yes' }, version: 0 })).status,
    ).toBe(400);
    const saved = await admin.request('PUT', settingsPath(), body);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ settings: { includeCoaching: true }, version: 1 });
    const stale = await admin.request('PUT', settingsPath(), { settings: { includeCoaching: false }, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([expect.objectContaining({ path: 'version' })]);
    expect((await researcher.get(settingsPath())).body).toEqual({ settings: { includeCoaching: true }, version: 1 });

    const history = await admin.get(`${settingsPath()}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({
        action: 'update',
        actor: world.adminId,
        version: 1,
        changes: { includeCoaching: [false, true] },
        snapshot: { includeCoaching: true },
      }),
    ]);
  });

  it('when on, exports every coaching rating with pseudonyms, and no user id, name or free text', async () => {
    const files = await download();
    for (const file of coachingFiles) expect([...files.keys()]).toContain(file);
    const isp = pseudonym('user', world.ispId);
    const coach = pseudonym('user', world.adminId);
    const review = pseudonym('review', coachingIds[0]!);
    const observation = pseudonym('observation', coachingIds[1]!);
    const engagement = pseudonym('engagement', world.engagements[0]!.id);
    const [first, second] = world.interactions;

    const rows = (file: string, columns: string[]): string[][] => {
      const { header, rows } = readCsv(files, file);
      return rows.map((row) => columns.map((c) => row[header.indexOf(c)]!));
    };
    const keys = ['record_id', 'record_kind', 'engagement_id', 'interaction_id', 'practitioner_id', 'coach_id', 'date'];
    const reviewKeys = [review, 'review', engagement, pseudonym('interaction', first!.id), isp, coach, first!.date];
    const observationKeys = [observation, 'observation', engagement, pseudonym('interaction', second!.id), isp, coach];
    expect(
      rows('data/coaching_ratings.csv', [...keys, 'model_id', 'model_version', 'component_id', 'quality']),
    ).toEqual(
      [
        [...observationKeys, '2020-03-02', 'eis-toc', '1.0.0', 'co-designing', '2'],
        [...reviewKeys, 'eis-toc', '1.0.0', 'relating', '4'],
        [...reviewKeys, 'eis-toc', '1.0.0', 'assessing', ''],
      ].sort((a, b) => a[6]!.localeCompare(b[6]!)),
    );
    expect(rows('data/coaching_activity_ratings.csv', [...keys, 'component_id', 'activity_id', 'rating'])).toEqual(
      [
        [...observationKeys, '2020-03-02', 'co-designing', 'set-goals', 'not-done'],
        [...reviewKeys, 'relating', 'agree-roles', 'as-defined'],
        [...reviewKeys, 'relating', 'check-in', 'partly'],
      ].sort((a, b) => a[6]!.localeCompare(b[6]!)),
    );
    expect(
      rows('data/coaching_self_ratings.csv', [
        'record_id',
        'practitioner_id',
        'date',
        'model_id',
        'component_id',
        'rating',
      ]),
    ).toEqual([
      [pseudonym('self-assessment', coachingIds[2]!), isp, '2020-02-01', 'eis-toc', 'assessing', '3'],
      [pseudonym('self-assessment', coachingIds[2]!), isp, '2020-02-01', 'eis-toc', 'relating', '2'],
    ]);

    const forbidden = [
      ...world.personal,
      ...world.rawIds,
      ...coachingIds,
      ...Object.values(coachingText),
      '@example.org',
    ];
    for (const [name, bytes] of files) {
      const text = strFromU8(bytes);
      for (const value of forbidden) expect(text.includes(value), `${name} contains "${value}"`).toBe(false);
    }
    expect(strFromU8(files.get('codebook.md')!)).toContain('Not exported: review feedback, comments');
  });

  it('describes every coaching column in the codebook and gives analysis.R the columns it checks', async () => {
    const files = await download();
    const codebook = readCsv(files, 'codebook.csv').rows;
    for (const file of coachingFiles) {
      expect(codebook.some((row) => row[0] === file && row[2] === 'file')).toBe(true);
      for (const column of readCsv(files, file).header)
        expect(
          codebook.some((row) => row[0] === file && row[1] === column && row[4] !== ''),
          `${file} ${column}`,
        ).toBe(true);
    }
    const inputs = coachingScriptInputs();
    expect(inputs.map((i) => i.file).sort()).toEqual(coachingFiles);
    for (const input of inputs)
      for (const column of input.columns)
        expect(readCsv(files, input.file).header, `${input.file} has ${column}`).toContain(column);
  });

  it('keeps coaching of other engagements and periods out of a filtered export', async () => {
    const files = await download(`?engagementId=${world.engagements[1]!.id}`);
    expect(readCsv(files, 'data/coaching_ratings.csv').rows).toEqual([]);
    expect(readCsv(files, 'data/coaching_activity_ratings.csv').rows).toEqual([]);
    // The practitioner is on this engagement's team too, so their self-assessment stays.
    expect(readCsv(files, 'data/coaching_self_ratings.csv').rows).toHaveLength(2);
    const later = await download('?from=2020-03-01');
    expect(readCsv(later, 'data/coaching_ratings.csv').rows.map((r) => r[1])).toEqual(['observation']);
    expect(readCsv(later, 'data/coaching_self_ratings.csv').rows).toEqual([]);
  });
});
