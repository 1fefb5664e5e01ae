/**
 * Benchmark of the coaching team view: a lead coaching 50 practitioners × the 10 components of the
 * default model, over N logged interactions and 20 reviews per practitioner.
 *
 *   npx tsx bench/coaching.ts [--interactions 1000000] [--repeats 30] [--quick]
 *
 * Prints one JSON line (bench/support/report.ts): the p95 of the team view read (`readTeamCompetency`)
 * against the same-run baseline of counting the live interactions (a scan of the same table). The
 * issue's target is p95 ≤ 200 ms at 1,000,000 interactions; `--quick` runs 20,000.
 */
import { performance } from 'node:perf_hooks';
import { readTeamCompetency } from '../src/app/coaching/read-team-competency.ts';
import { reviewInteraction } from '../src/app/coaching/review-interaction.ts';
import { addMember } from '../src/app/accounts/add-member.ts';
import { createEngagement } from '../src/app/engagements/create-engagement.ts';
import { createPartner } from '../src/app/partners/create-partner.ts';
import { createRandom } from '../src/demo/random.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { loadInteractions, type PlannedEngagement } from './support/support-record.ts';
import { summarize } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const quick = process.argv.includes('--quick');
const total = argument('--interactions', quick ? 20_000 : 1_000_000);
const repeats = argument('--repeats', quick ? 10 : 30);
const practitionerCount = 50;
const today = '2025-12-31';

const folder = temporaryFolder('coaching');
try {
  const { store, organizationId } = await openBenchStore(folder.dir);
  const lead = await addMember(
    store,
    organizationId,
    { email: 'lead@bench.test', name: 'Bench lead', role: 'lead', password: 'bench-password-long' },
    'bench',
  );
  const practitioners: string[] = [];
  for (let i = 0; i < practitionerCount; i++)
    practitioners.push(
      (
        await addMember(
          store,
          organizationId,
          {
            email: `p${i}@bench.test`,
            name: `Practitioner ${i}`,
            role: 'practitioner',
            password: 'bench-password-long',
          },
          'bench',
        )
      ).userId,
    );
  // Five engagements, each supported by the lead and ten practitioners, through the app's operations;
  // the interactions (the bulk) are written straight into the tables by the scale loader, row for row
  // as the repositories write them, with every derived table, the practitioners logging in turn.
  const plan: PlannedEngagement[] = [];
  for (let i = 0; i < practitionerCount; i += 10) {
    const partner = await createPartner(
      store,
      organizationId,
      { name: `Agency ${i}`, kind: 'organization', parentId: null, type: '', region: '', stateOrCountry: '', tags: [] },
      'bench',
    );
    const team = practitioners.slice(i, i + 10);
    const engagement = await createEngagement(
      store,
      organizationId,
      {
        partnerId: partner.id,
        name: `Engagement ${i}`,
        supportTeam: [lead.userId, ...team],
        startDate: '2021-01-01',
        endDate: null,
        modelId: 'eis-toc',
        modelVersion: '1.0.0',
        stages: [],
        goals: [],
      },
      'bench',
    );
    plan.push({
      engagement,
      lastDate: today,
      interactions: Math.ceil(total / (practitionerCount / 10)),
      loggedBy: team,
    });
  }
  const started = performance.now();
  const loader = openSqlite(sqliteFileIn(folder.dir));
  loader.pragma('cache_size = -524288');
  const loaded = loadInteractions(loader, organizationId, 'bench', createRandom(7), eisToc, plan, (done) =>
    progress(`setup: ${done.toLocaleString('en')} interactions`),
  );
  const reviewed = loader.prepare('select id from interactions where logged_by = ? order by date limit 20');
  const toReview = practitioners.map((p) => (reviewed.all(p) as { id: string }[]).map((r) => r.id));
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  progress(
    `setup: ${loaded.interactions.toLocaleString('en')} interactions loaded in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  for (const ids of toReview)
    for (const interactionId of ids)
      await reviewInteraction(
        store,
        organizationId,
        { userId: lead.userId, role: 'lead' },
        {
          interactionId,
          ratings: [{ componentId: 'relating', quality: 3, activities: [], comment: '' }],
          feedback: '',
        },
      );
  progress(`setup: ${toReview.flat().length} reviews`);

  const viewer = { userId: lead.userId, role: 'lead' as const };
  const time = async (work: () => Promise<unknown>): Promise<number[]> => {
    await work();
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return times;
  };
  const view = await readTeamCompetency(store, organizationId, viewer, today);
  if (view.practitioners.length !== practitionerCount) throw new Error('the team view misses practitioners');
  const teamTimes = summarize(await time(() => readTeamCompetency(store, organizationId, viewer, today)));
  const baseline = summarize(await time(() => store.tenant(organizationId).interactions.countLive()));
  emitRow({
    bench: 'coaching',
    name: `team view, ${practitionerCount} practitioners × ${view.components.length} components, ${loaded.interactions.toLocaleString('en')} interactions (p95)`,
    figure: teamTimes.p95,
    unit: 'ms',
    target: total >= 1_000_000 ? 'p95 ≤ 200 ms at 1,000,000 interactions' : '',
    pass: total >= 1_000_000 ? teamTimes.p95 <= 200 : null,
    baseline: 'count of live interactions (p95)',
    baselineFigure: baseline.p95,
    ratio: ratioOf(teamTimes.p95, baseline.p95),
    details: { team: teamTimes, baseline },
  });
  await store.close();
} finally {
  folder.remove();
}
