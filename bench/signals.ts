/**
 * Signals for every engagement of an organization. Target: ≤ 200 ms for 1,000 engagements.
 *
 *   npx tsx bench/signals.ts [--quick] [--engagements 1000] [--interactions 200000]
 *
 * The organization is built as the scale bench builds it (engagements through the application,
 * interactions and their rollups straight into the tables), and every engagement gets a plan for its
 * current stage through the application. The figure is the median of `listSignals` over the whole
 * organization; the same-run baseline is listing the organization's engagements, the one read every
 * home needs anyway. Measurement and baseline alternate run by run, so both see the same load.
 */
import path from 'node:path';
import { createStagePlan } from '../src/app/plans/create-stage-plan.ts';
import { listSignals } from '../src/app/signals/list-signals.ts';
import { defaultEmphasis } from '../src/domain/plans/plan-rules.ts';
import { createRandom } from '../src/demo/random.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { quantile, round } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';

const quick = process.argv.includes('--quick');
const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const engagementCount = option('engagements', 1000);
const totalInteractions = option('interactions', quick ? 50_000 : 200_000);
const runs = quick ? 7 : 21;
const today = new Date().toISOString().slice(0, 10);

const folder = temporaryFolder('signals');
try {
  const dataDir = path.join(folder.dir, 'app');
  const random = createRandom(20231179);
  const { store, organizationId, actor } = await openBenchStore(dataDir);
  const tenant = store.tenant(organizationId);
  progress(`setup: ${engagementCount} engagements, ${totalInteractions.toLocaleString('en')} interactions`);
  const engagements = await createEngagements(store, organizationId, actor, random, eisToc, engagementCount, today);
  const loader = openSqlite(sqliteFileIn(dataDir));
  loadInteractions(
    loader,
    organizationId,
    actor,
    random,
    eisToc,
    spreadInteractions(random, engagements, totalInteractions),
    () => undefined,
  );
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  for (const { engagement } of engagements) {
    const stageId = engagement.stages.at(-1)?.stageId;
    if (!stageId) continue;
    await createStagePlan(
      store,
      organizationId,
      { engagementId: engagement.id, stageId, goals: [], emphasis: defaultEmphasis(eisToc, stageId), activities: [] },
      actor,
    );
  }

  let signals = 0;
  const measured = async (work: () => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const times: number[] = [];
  const baselineTimes: number[] = [];
  for (let i = 0; i < runs + 2; i += 1) {
    const time = await measured(async () => (signals = (await listSignals(tenant, today)).length));
    const baseline = await measured(() => tenant.engagements.list());
    if (i < 2) continue; // warm-up
    times.push(time);
    baselineTimes.push(baseline);
  }
  times.sort((a, b) => a - b);
  baselineTimes.sort((a, b) => a - b);
  const median = quantile(times, 0.5);
  const baselineMedian = quantile(baselineTimes, 0.5);
  emitRow({
    bench: 'signals',
    name: `signals for all ${engagementCount.toLocaleString('en')} engagements (median)`,
    figure: round(median),
    unit: 'ms',
    target: '≤ 200 ms for 1,000 engagements',
    pass: median <= 200,
    baseline: 'listing the organization’s engagements',
    baselineFigure: round(baselineMedian),
    ratio: ratioOf(median, baselineMedian),
    details: {
      p95_ms: round(quantile(times, 0.95)),
      runs,
      engagements: engagementCount,
      interactions: totalInteractions,
      signals,
    },
  });
  await store.close();
} finally {
  folder.remove();
}
