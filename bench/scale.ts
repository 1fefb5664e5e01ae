/**
 * Reading the support record at scale (issues 4 and 6): the engagement page and the organization
 * dashboard over SQLite holding 1,000,000 interactions, against a same-run baseline.
 *
 *   npx tsx bench/scale.ts [--quick] [--interactions 1000000] [--engagements 1000] [--requests 200] [--budget 240] [--slice-repeats 30] [--keep]
 *
 * Setup (not measured): one organization; partners and ~1,000 engagements on eis-toc 1.0.0 created
 * through the application's operations; then the interactions (quick: 100,000) generated with a fixed
 * seed and written straight into the tables in a few large transactions, row for row as the
 * repositories write them, with the component and next-step indexes and every rollup (engagement
 * and organization level). The largest engagement's rollups and open next steps are then recomputed
 * by the domain and compared with what was stored, the organization-level rollups are compared with
 * the sums of the engagement-level ones, and row counts are checked.
 *
 * Measured: the real application in this process on a random port. After a warm-up, requests go
 * one at a time over one keep-alive connection, round robin: the engagement overview
 * (GET /api/orgs/:orgId/engagements/:id/overview, a random engagement each time), the organization
 * dashboard (GET /api/orgs/:orgId/dashboard), the organization's trajectory descriptives
 * (GET /api/orgs/:orgId/analysis/descriptives) and the baseline, GET /healthz, a round trip through the
 * same server that touches no data. Each gets `--requests` timings (fewer if the `--budget` seconds
 * run out first; the count is reported); p50 and p95 are reported. Then, round robin with more
 * /healthz requests, `--period-requests` of the descriptives limited to a period of two years (its
 * edges cut months of the relationship) and `--practice-requests` of GET …/analysis/practice-use.
 * Targets: overview and dashboard p95 < 100 ms (issue 4); dashboard descriptives, trajectory
 * descriptives and practice use p95 ≤ 200 ms (issue 6).
 *
 * Slices against the peer (issue 14): the organization's live interactions are dumped as raw long rows
 * (one per component) to a CSV and loaded into an in-memory DuckDB (`bench/support/duckdb-baseline.ts`);
 * then, in this process, Praxis's descriptives and practice use and DuckDB's answer to the same question
 * (dose by month of the relationship with quartiles + component mix, from the long rows alone) are timed
 * alternately, `--slice-repeats` times each (0 skips this), for the whole organization, a two-year
 * period, half the engagements, and half the engagements over the period. Both must agree on the
 * minutes per component. Target: p95 ≤ 200 ms and no slower than DuckDB's p95 in the same run.
 *
 * Diagnosis: each repository call the two pages make is then timed on its own (median of a few
 * runs), and the query plans of the rollup reads are printed, so a missed target names its cause.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { createRandom } from '../src/demo/random.ts';
import { diversityByRelationshipMonth, relationshipMonthKey } from '../src/domain/support/diversity.ts';
import { relationshipMonthDoses } from '../src/domain/support/relationship-dose.ts';
import { computeDose, openNextStepRows } from '../src/domain/support/rollups.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { openSqlite, sqliteFileIn } from '../src/store/database.ts';
import type { TenantStore } from '../src/store/store.ts';
import { organizationDescriptives } from '../src/app/analysis/descriptives.ts';
import { modelOf } from '../src/app/engagements/engagement-records.ts';
import { openBenchStore, startBenchApp, temporaryFolder } from './support/app.ts';
import { keepAliveAgent, timedGet } from './support/http.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { round, summarize, type Timings } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';
import { compareSlices, sliceRows } from './support/slices.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const totalInteractions = argument('interactions') ?? (quick ? 100_000 : 1_000_000);
const engagementCount = argument('engagements') ?? 1000;
const requestsEach = argument('requests') ?? (quick ? 60 : 200);
/** The measured phase stops early, with fewer timings, once this many seconds have passed. */
const budgetSeconds = argument('budget') ?? (quick ? 60 : 240);
/** Requests of the descriptives over a period, and of practice use, after the main round robin. */
const periodRequests = argument('period-requests') ?? (quick ? 20 : 50);
const practiceRequests = argument('practice-requests') ?? (quick ? 20 : 50);
const warmupEach = quick ? 5 : 10;
/** Timings of each slice question, in process, Praxis and DuckDB alternated (0: no DuckDB baseline). */
const sliceRepeats = argument('slice-repeats') ?? (quick ? 15 : 30);
/** Keep the database folder afterwards (its path is printed), to study query plans by hand. */
const keep = process.argv.includes('--keep');
const seed = 20231179;
const today = new Date().toISOString().slice(0, 10);

const failures: string[] = [];
const folder = temporaryFolder('scale');
try {
  const dataDir = path.join(folder.dir, 'app');
  const random = createRandom(seed);
  const { store, organizationId, token, actor } = await openBenchStore(dataDir);
  const tenant = store.tenant(organizationId);

  // ---- Setup --------------------------------------------------------------------------------
  let started = performance.now();
  progress(`setup: ${engagementCount} engagements through the application`);
  const engagements = await createEngagements(store, organizationId, actor, random, eisToc, engagementCount, today);
  const plan = spreadInteractions(random, engagements, totalInteractions);
  const engagementSetupSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  progress(`setup: ${totalInteractions.toLocaleString('en')} interactions straight into the tables`);
  const file = sqliteFileIn(dataDir);
  const loader = openSqlite(file);
  loader.pragma('cache_size = -524288');
  let lastReport = 0;
  const loaded = loadInteractions(loader, organizationId, actor, random, eisToc, plan, (done) => {
    if (done - lastReport >= totalInteractions / 10 || done === totalInteractions) {
      lastReport = done;
      progress(
        `  ${done.toLocaleString('en')} written (${Math.round(done / ((performance.now() - started) / 1000)).toLocaleString('en')}/s)`,
      );
    }
  });
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  const loadSeconds = (performance.now() - started) / 1000;
  const databaseMb = Math.round(statSync(file).size / 2 ** 20);
  progress(`setup: loaded in ${round(loadSeconds, 1)} s; database ${databaseMb} MB`);

  // ---- Check that the application reads the rows as its own --------------------------------
  const count = async (query: ReturnType<typeof sql<{ n: number }>>): Promise<number> =>
    Number((await query.execute(store.database.db)).rows[0]?.n ?? 0);
  const counts = {
    interactions: await count(
      sql<{ n: number }>`select count(*) as n from interactions where organization_id = ${organizationId}`,
    ),
    componentRows: await count(
      sql<{ n: number }>`select count(*) as n from interaction_components where organization_id = ${organizationId}`,
    ),
    rollupInteractions: await count(
      sql<{
        n: number;
      }>`select coalesce(sum(interactions), 0) as n from engagement_month_dose where organization_id = ${organizationId}`,
    ),
  };
  if (
    counts.interactions !== totalInteractions ||
    counts.rollupInteractions !== totalInteractions ||
    counts.componentRows !== loaded.componentRows
  ) {
    failures.push(
      `setup: counts differ: ${JSON.stringify({ ...counts, expected: { interactions: totalInteractions, componentRows: loaded.componentRows } })}`,
    );
  }
  const sample = plan.reduce((a, b) => (b.interactions > a.interactions ? b : a));
  const differences = await rollupDifferences(tenant, sample.engagement.id, sample.engagement.startDate);
  if (differences > 0)
    failures.push(
      `setup: ${differences} rollup or next-step rows of engagement ${sample.engagement.id} differ from the domain's recomputation`,
    );
  const organizationDifferences = await organizationRollupDifferences(store.database.sqlite!, organizationId);
  if (organizationDifferences > 0)
    failures.push(
      `setup: ${organizationDifferences} organization-level rollup rows differ from the sums of the engagement-level ones`,
    );
  progress(
    `setup: counts match; the largest engagement's rollups and next steps (${sample.interactions} interactions) equal a recomputation; the organization-level rollups equal the engagement-level sums`,
  );

  // ---- Measure ------------------------------------------------------------------------------
  const server = await startBenchApp(store, dataDir);
  const agent = keepAliveAgent();
  const headers = { authorization: `Bearer ${token}` };
  // Two calendar years in the middle of the data: the period's edges cut months of the relationship.
  const storedMonths = (await tenant.dose.organizationByCalendarMonth()).map((m) => m.calendarMonth);
  const middle = storedMonths[Math.floor(storedMonths.length / 2)] ?? today.slice(0, 7);
  const period = { from: middle, to: `${Number(middle.slice(0, 4)) + 2}-${middle.slice(5, 7)}` };
  const targets = {
    overview: () => `/api/orgs/${organizationId}/engagements/${random.pick(plan).engagement.id}/overview`,
    dashboard: () => `/api/orgs/${organizationId}/dashboard`,
    descriptives: () => `/api/orgs/${organizationId}/analysis/descriptives`,
    healthz: () => '/healthz',
    descriptivesPeriod: () => `/api/orgs/${organizationId}/analysis/descriptives?from=${period.from}&to=${period.to}`,
    practiceUse: () => `/api/orgs/${organizationId}/analysis/practice-use`,
  };
  type Kind = keyof typeof targets;
  const kinds: Kind[] = ['overview', 'dashboard', 'descriptives', 'healthz'];
  const times: Record<Kind, number[]> = {
    overview: [],
    dashboard: [],
    descriptives: [],
    healthz: [],
    descriptivesPeriod: [],
    practiceUse: [],
  };
  const bytes: Record<Kind, number> = {
    overview: 0,
    dashboard: 0,
    descriptives: 0,
    healthz: 0,
    descriptivesPeriod: 0,
    practiceUse: 0,
  };
  let loadBefore = 0;
  try {
    progress(`measure: warm-up, ${warmupEach} requests of each kind`);
    for (let i = 0; i < warmupEach; i++) for (const kind of kinds) await request(kind, false);
    loadBefore = loadPerCore(readMachine());
    progress(
      `measure: ${requestsEach} requests of each kind, one at a time, round robin, at most ${budgetSeconds} s (load ${loadBefore} per core)`,
    );
    const measureStarted = performance.now();
    for (let i = 0; i < requestsEach; i++) {
      for (const kind of kinds) await request(kind, true);
      const elapsed = (performance.now() - measureStarted) / 1000;
      if ((i + 1) % 25 === 0)
        progress(
          `  ${i + 1} rounds in ${Math.round(elapsed)} s: medians so far ${kinds.map((k) => `${k} ${summarize(times[k]).p50} ms`).join(', ')}`,
        );
      if (elapsed > budgetSeconds && i + 1 < requestsEach) {
        progress(`  stopping after ${i + 1} rounds: the ${budgetSeconds} s budget is spent`);
        break;
      }
    }
    // The filtered descriptives and practice use, each round robin with the baseline.
    for (const [kind, count] of [
      ['descriptivesPeriod', periodRequests],
      ['practiceUse', practiceRequests],
    ] as const) {
      if (count === 0) continue;
      progress(`measure: ${count} requests of ${kind}, round robin with /healthz`);
      await request(kind, false);
      for (let i = 0; i < count; i++) {
        await request(kind, true);
        await request('healthz', true);
      }
      progress(`  ${kind} p50 ${summarize(times[kind]).p50} ms`);
    }
  } finally {
    agent.destroy();
    await server.close();
  }
  const loadAfter = loadPerCore(readMachine());

  // ---- Slices against the DuckDB baseline ---------------------------------------------------
  const half = plan.filter((_, i) => i % 2 === 0).map((p) => p.engagement.id);
  const slices =
    sliceRepeats > 0
      ? await compareSlices({
          tenant,
          sqlite: store.database.sqlite!,
          organizationId,
          half,
          period,
          repeats: sliceRepeats,
          folder: folder.dir,
          today,
          failures,
        })
      : [];

  async function request(kind: Kind, record: boolean): Promise<void> {
    const response = await timedGet(agent, server.baseUrl + targets[kind](), headers);
    if (response.status !== 200) {
      failures.push(`${kind}: HTTP ${response.status}: ${response.body.slice(0, 300)}`);
      throw new Error(`${kind} answered ${response.status}`);
    }
    if (record) {
      times[kind].push(response.ms);
      bytes[kind] = response.bytes;
    }
  }

  const overview = summarize(times.overview);
  const dashboard = summarize(times.dashboard);
  const descriptives = summarize(times.descriptives);
  const healthz = summarize(times.healthz);
  progress(
    `overview p50 ${overview.p50} ms p95 ${overview.p95} ms; dashboard p50 ${dashboard.p50} ms p95 ${dashboard.p95} ms; descriptives p50 ${descriptives.p50} ms p95 ${descriptives.p95} ms; healthz p50 ${healthz.p50} ms p95 ${healthz.p95} ms`,
  );

  // ---- Diagnose -----------------------------------------------------------------------------
  progress('diagnosis: each repository call of the two pages on its own (median of 5)');
  const engagementId = sample.engagement.id;
  const parts = {
    overview: {
      'engagements.require': await medianMs(() => tenant.engagements.require(engagementId)),
      modelOf: await medianMs(() => modelOf(tenant, 'eis-toc', '1.0.0')),
      'dose.engagementMonths(id)': await medianMs(() => tenant.dose.engagementMonths(engagementId)),
      'dose.componentMonths(id)': await medianMs(() => tenant.dose.componentMonths(engagementId)),
      'dose.principleTotals(id)': await medianMs(() => tenant.dose.principleTotals(engagementId)),
      'interactions.list(id, 20)': await medianMs(() => tenant.interactions.list({ engagementId }, 20)),
      'interactions.openNextSteps(id)': await medianMs(() => tenant.interactions.openNextSteps(engagementId)),
    },
    dashboard: {
      'partners.count': await medianMs(() => tenant.partners.count()),
      'engagements.count': await medianMs(() => tenant.engagements.count(today)),
      'dose.organizationByCalendarMonth': await medianMs(() => tenant.dose.organizationByCalendarMonth()),
      'dose.organizationComponentsByCalendarMonth': await medianMs(() =>
        tenant.dose.organizationComponentsByCalendarMonth(),
      ),
    },
    // The organization's trajectory descriptives (issue 6): its slice, and the whole call without HTTP.
    descriptives: {
      'slices.of(all)': await medianMs(() => tenant.slices.of(null)),
      organizationDescriptives: await medianMs(() => organizationDescriptives(tenant, {}, today)),
    },
  };
  for (const [page, calls] of Object.entries(parts))
    progress(
      `  ${page}: ${Object.entries(calls)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    );
  const plans = await queryPlans(store.database.sqlite!, organizationId, engagementId);
  for (const [query, lines] of Object.entries(plans)) progress(`  plan of ${query}: ${lines.join(' | ')}`);
  const scanned = {
    componentIndexRows: loaded.componentRows,
    engagementMonthRows: loaded.engagementMonthRows,
    componentMonthRows: loaded.componentMonthRows,
    principleMonthRows: loaded.principleMonthRows,
    nextStepRows: loaded.nextStepRows,
    organizationMonthRows: loaded.organizationMonthRows,
    organizationComponentMonthRows: loaded.organizationComponentMonthRows,
    interactionsOfSampleEngagement: sample.interactions,
  };
  await store.close();

  // ---- Report -------------------------------------------------------------------------------
  const baselineName = 'GET /healthz round trip, same server, same connection';
  const common = {
    interactions: totalInteractions,
    engagements: engagementCount,
    requests_each: times.overview.length,
    load_per_core: { before: loadBefore, after: loadAfter },
    setup_seconds: { engagements: round(engagementSetupSeconds, 1), interactions: round(loadSeconds, 1) },
    database_mb: databaseMb,
    rows: scanned,
    validated_samples: loaded.validated,
  };
  const row = (
    name: string,
    timings: Timings,
    target: string,
    limit: number,
    inclusive: boolean,
    details: Record<string, unknown>,
  ) =>
    emitRow({
      bench: 'scale',
      name,
      figure: timings.p95,
      unit: 'ms p95',
      target,
      pass: inclusive ? timings.p95 <= limit : timings.p95 < limit,
      baseline: baselineName,
      baselineFigure: healthz.p95,
      ratio: ratioOf(timings.p95, healthz.p95),
      details: {
        p50_ms: timings.p50,
        p95_ms: timings.p95,
        p99_ms: timings.p99,
        max_ms: timings.max,
        baseline_p50_ms: healthz.p50,
        ...details,
      },
    });
  const size = totalInteractions >= 1_000_000 ? `${totalInteractions / 1_000_000}M` : `${totalInteractions / 1000}k`;
  row(`engagement overview at ${size} interactions`, overview, '< 100 ms (issue 4)', 100, false, {
    response_bytes: bytes.overview,
    parts_ms: parts.overview,
    ...common,
  });
  row(`organization dashboard at ${size} interactions`, dashboard, '< 100 ms (issue 4)', 100, false, {
    response_bytes: bytes.dashboard,
    parts_ms: parts.dashboard,
    plans,
  });
  row(`dashboard descriptives at ${size} interactions`, dashboard, '≤ 200 ms (issue 6)', 200, true, {
    response_bytes: bytes.dashboard,
  });
  row(`organization trajectory descriptives at ${size} interactions`, descriptives, '≤ 200 ms (issue 6)', 200, true, {
    response_bytes: bytes.descriptives,
    parts_ms: parts.descriptives,
  });
  if (times.descriptivesPeriod.length > 0) {
    row(
      `trajectory descriptives over ${period.from}..${period.to} at ${size} interactions`,
      summarize(times.descriptivesPeriod),
      '≤ 200 ms (issue 6)',
      200,
      true,
      {
        response_bytes: bytes.descriptivesPeriod,
        requests: times.descriptivesPeriod.length,
      },
    );
  }
  if (times.practiceUse.length > 0) {
    row(
      `organization practice use at ${size} interactions`,
      summarize(times.practiceUse),
      '≤ 200 ms (issue 6)',
      200,
      true,
      { response_bytes: bytes.practiceUse, requests: times.practiceUse.length },
    );
  }
  for (const row of sliceRows(slices, `at ${size} interactions`)) emitRow(row);
} finally {
  if (keep) progress(`kept the database: ${sqliteFileIn(path.join(folder.dir, 'app'))}`);
  else folder.remove();
}

if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`FAILED ${failure}\n`);
  process.exitCode = 1;
}

/** The domain's recomputation of one engagement's rollups and open next steps against what is stored: the number of rows that differ. */
async function rollupDifferences(tenant: TenantStore, engagementId: string, startDate: string): Promise<number> {
  const live = await tenant.interactions.allLive(engagementId);
  const expected = computeDose(live, new Map([[engagementId, startDate]]));
  const stored = [
    ...(await tenant.dose.engagementMonths(engagementId)),
    ...(await tenant.dose.componentMonths(engagementId)),
    ...(await tenant.dose.principleMonths(engagementId)),
    ...(await tenant.interactions.openNextSteps(engagementId)),
    ...(await tenant.dose.relationshipMonths(engagementId)),
    ...(await tenant.dose.modeMonths(engagementId)),
    ...(await tenant.dose.activityMonths(engagementId)),
  ].map((r) => JSON.stringify(r));
  const diversity = diversityByRelationshipMonth(expected.componentMonths);
  const expectedRelationshipMonths = relationshipMonthDoses(expected.engagementMonths).map((m) => ({
    ...m,
    diversity: diversity.get(relationshipMonthKey(m)) ?? null,
  }));
  const recomputed = new Set(
    [
      ...expected.engagementMonths,
      ...expected.componentMonths,
      ...expected.principleMonths,
      ...live.flatMap(openNextStepRows),
      ...expectedRelationshipMonths,
      ...expected.modeMonths,
      ...expected.activityMonths,
    ].map((r) => JSON.stringify(r)),
  );
  return Math.abs(stored.length - recomputed.size) + stored.filter((key) => !recomputed.has(key)).length;
}

/** The organization-level rollups against the sums of the engagement-level ones (as the migration fills them): rows that differ. */
async function organizationRollupDifferences(sqlite: Database.Database, organizationId: string): Promise<number> {
  const differing = (stored: string, summed: string): number => {
    const a = sqlite
      .prepare(stored)
      .all(organizationId)
      .map((r) => JSON.stringify(r));
    const b = new Set(
      sqlite
        .prepare(summed)
        .all(organizationId)
        .map((r) => JSON.stringify(r)),
    );
    return Math.abs(a.length - b.size) + a.filter((row) => !b.has(row)).length;
  };
  return (
    differing(
      'select calendar_month, interactions, minutes, engagements from organization_month_dose where organization_id = ? order by calendar_month',
      'select calendar_month, sum(interactions) as interactions, sum(minutes) as minutes, count(distinct engagement_id) as engagements from engagement_month_dose where organization_id = ? group by calendar_month order by calendar_month',
    ) +
    differing(
      'select calendar_month, component_id, interactions, minutes, activity_uses from organization_component_month_dose where organization_id = ? order by calendar_month, component_id',
      'select calendar_month, component_id, sum(interactions) as interactions, sum(minutes) as minutes, sum(activity_uses) as activity_uses from component_month_dose where organization_id = ? group by calendar_month, component_id order by calendar_month, component_id',
    ) +
    differing(
      'select relationship_month, component_id, interactions, minutes, activity_uses from organization_relationship_component_dose where organization_id = ? order by relationship_month, component_id',
      'select relationship_month, component_id, sum(interactions) as interactions, sum(minutes) as minutes, sum(activity_uses) as activity_uses from component_month_dose where organization_id = ? group by relationship_month, component_id order by relationship_month, component_id',
    ) +
    differing(
      'select calendar_month, relationship_month, component_id, interactions, minutes, activity_uses from organization_calendar_component_dose where organization_id = ? order by calendar_month, relationship_month, component_id',
      'select calendar_month, relationship_month, component_id, sum(interactions) as interactions, sum(minutes) as minutes, sum(activity_uses) as activity_uses from component_month_dose where organization_id = ? group by calendar_month, relationship_month, component_id order by calendar_month, relationship_month, component_id',
    ) +
    differing(
      'select calendar_month, mode, interactions, minutes from organization_mode_month_use where organization_id = ? order by calendar_month, mode',
      'select calendar_month, mode, sum(interactions) as interactions, sum(minutes) as minutes from mode_month_use where organization_id = ? group by calendar_month, mode order by calendar_month, mode',
    ) +
    differing(
      'select calendar_month, principle_id, interactions, ratings, rating_sum from organization_principle_month_use where organization_id = ? order by calendar_month, principle_id',
      'select calendar_month, principle_id, sum(interactions) as interactions, sum(ratings) as ratings, sum(rating_sum) as rating_sum from principle_month_use where organization_id = ? group by calendar_month, principle_id order by calendar_month, principle_id',
    ) +
    differing(
      'select calendar_month, component_id, activity_id, interactions from organization_activity_month_use where organization_id = ? order by calendar_month, component_id, activity_id',
      'select calendar_month, component_id, activity_id, sum(interactions) as interactions from activity_month_use where organization_id = ? group by calendar_month, component_id, activity_id order by calendar_month, component_id, activity_id',
    )
  );
}

async function medianMs(work: () => Promise<unknown>, times = 5): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await work();
    runs.push(performance.now() - t);
  }
  return summarize(runs).p50;
}

/** EXPLAIN QUERY PLAN of the rollup and interaction reads the two pages make (the SQL the repositories compile). */
async function queryPlans(
  sqlite: Database.Database,
  organizationId: string,
  engagementId: string,
): Promise<Record<string, string[]>> {
  const queries: Record<string, [string, unknown[]]> = {
    'dose.organizationByCalendarMonth': [
      'select * from organization_month_dose where organization_id = ? order by calendar_month',
      [organizationId],
    ],
    'dose.organizationComponentsByCalendarMonth': [
      'select * from organization_component_month_dose where organization_id = ? order by calendar_month, component_id',
      [organizationId],
    ],
    'interactions.list(id, 20)': [
      'select * from interactions where organization_id = ? and deleted_at is null and engagement_id = ? order by date desc, id desc limit 21',
      [organizationId, engagementId],
    ],
    'interactions.openNextSteps(id)': [
      'select * from interaction_next_steps where organization_id = ? and engagement_id = ? order by interaction_date, interaction_id, position',
      [organizationId, engagementId],
    ],
    'dose.componentMonths(id)': [
      'select * from component_month_dose where organization_id = ? and engagement_id = ? order by engagement_id, calendar_month, relationship_month, component_id',
      [organizationId, engagementId],
    ],
  };
  const plans: Record<string, string[]> = {};
  for (const [name, [text, parameters]] of Object.entries(queries)) {
    plans[name] = (sqlite.prepare(`explain query plan ${text}`).all(...parameters) as { detail: string }[]).map(
      (r) => r.detail,
    );
  }
  return plans;
}
