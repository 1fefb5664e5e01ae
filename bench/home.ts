/**
 * The home page of each role at scale (issue 12): GET /api/orgs/:orgId/home over SQLite holding
 * 1,000,000 interactions, against a same-run baseline.
 *
 *   npx tsx bench/home.ts [--quick] [--interactions 1000000] [--engagements 1000] [--requests 200] [--budget 240]
 *
 * Setup (not measured): as `bench/scale.ts` — one organization, ~1,000 engagements on eis-toc 1.0.0
 * through the application's operations, then the interactions (quick: 100,000) written straight into
 * the tables with their component and next-step indexes and rollups. About 18% of interactions carry
 * an open next step, nearly all overdue: the worst case for "what is due". One member per role signs
 * in with a password; the practitioner is put on the support team of 20 engagements.
 *
 * Measured: the real application in this process on a random port; after a warm-up, requests go one
 * at a time over one keep-alive connection, round robin: the home of the practitioner, the lead, the
 * researcher and the administrator (the lead's team view plus the setup checklist), each with its own
 * session cookie, and the baseline, GET /healthz, a round trip through the same server that touches
 * no data. Target: each home p95 ≤ 100 ms.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { createRandom } from '../src/demo/random.ts';
import type { Role } from '../src/domain/roles.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { addMember } from '../src/app/accounts/add-member.ts';
import { openSqlite, sqliteFileIn } from '../src/store/database.ts';
import { openBenchStore, startBenchApp, temporaryFolder } from './support/app.ts';
import { keepAliveAgent, timedGet } from './support/http.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { round, summarize } from './support/quantiles.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';
import { createEngagements, loadInteractions, spreadInteractions } from './support/support-record.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const totalInteractions = argument('interactions') ?? (quick ? 100_000 : 1_000_000);
const engagementCount = argument('engagements') ?? 1000;
const requestsEach = argument('requests') ?? (quick ? 60 : 200);
const budgetSeconds = argument('budget') ?? (quick ? 60 : 240);
const warmupEach = quick ? 5 : 10;
const seed = 20231212;
const today = new Date().toISOString().slice(0, 10);
const password = 'bench-password-long-enough';

const failures: string[] = [];
const folder = temporaryFolder('home');
try {
  const dataDir = path.join(folder.dir, 'app');
  const random = createRandom(seed);
  const { store, organizationId, actor } = await openBenchStore(dataDir);

  // ---- Setup --------------------------------------------------------------------------------
  progress(`setup: ${engagementCount} engagements through the application`);
  const engagements = await createEngagements(store, organizationId, actor, random, eisToc, engagementCount, today);
  const plan = spreadInteractions(random, engagements, totalInteractions);
  progress(`setup: ${totalInteractions.toLocaleString('en')} interactions straight into the tables`);
  const started = performance.now();
  const loader = openSqlite(sqliteFileIn(dataDir));
  loader.pragma('cache_size = -524288');
  const loaded = loadInteractions(loader, organizationId, actor, random, eisToc, plan, () => undefined);
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  progress(`setup: loaded in ${round((performance.now() - started) / 1000, 1)} s`);

  const roles: Role[] = ['practitioner', 'lead', 'researcher', 'admin'];
  const members = new Map<Role, string>();
  for (const role of roles) {
    const member = await addMember(
      store,
      organizationId,
      { email: `${role}@bench.example.org`, name: `Bench ${role}`, role, password },
      'bench',
    );
    members.set(role, member.userId);
  }
  // The practitioner supports 20 of the open engagements (written as the repository stores the team).
  const open = plan.filter((p) => p.engagement.endDate === null).slice(0, 20);
  await sql`update engagements set support_team = ${JSON.stringify([members.get('practitioner')])} where id in (${sql.join(open.map((p) => p.engagement.id))})`.execute(
    store.database.db,
  );
  progress(
    `setup: ${loaded.nextStepRows.toLocaleString('en')} open next steps; the practitioner is on ${open.length} engagements`,
  );

  // ---- Measure ------------------------------------------------------------------------------
  const server = await startBenchApp(store, dataDir);
  const agent = keepAliveAgent();
  const cookies = new Map<Role, string>();
  for (const role of roles) {
    const response = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${role}@bench.example.org`, password }),
    });
    if (response.status !== 200) throw new Error(`${role} could not sign in: ${response.status}`);
    cookies.set(role, (response.headers.get('set-cookie') ?? '').split(';')[0]!);
  }
  type Kind = Role | 'healthz';
  const kinds: Kind[] = [...roles, 'healthz'];
  const times = new Map<Kind, number[]>(kinds.map((k) => [k, []]));
  const bytes = new Map<Kind, number>();
  const request = async (kind: Kind, record: boolean) => {
    const url = kind === 'healthz' ? '/healthz' : `/api/orgs/${organizationId}/home`;
    const headers: Record<string, string> = kind === 'healthz' ? {} : { cookie: cookies.get(kind)! };
    const response = await timedGet(agent, server.baseUrl + url, headers);
    if (response.status !== 200) {
      failures.push(`${kind}: HTTP ${response.status}: ${response.body.slice(0, 300)}`);
      throw new Error(`${kind} answered ${response.status}`);
    }
    if (record) {
      times.get(kind)!.push(response.ms);
      bytes.set(kind, response.bytes);
    }
  };
  try {
    for (let i = 0; i < warmupEach; i++) for (const kind of kinds) await request(kind, false);
    const load = loadPerCore(readMachine());
    progress(
      `measure: ${requestsEach} requests of each kind, round robin, at most ${budgetSeconds} s (load ${load} per core)`,
    );
    const measureStarted = performance.now();
    for (let i = 0; i < requestsEach; i++) {
      for (const kind of kinds) await request(kind, true);
      if ((performance.now() - measureStarted) / 1000 > budgetSeconds && i + 1 < requestsEach) {
        progress(`  stopping after ${i + 1} rounds: the ${budgetSeconds} s budget is spent`);
        break;
      }
    }
    const healthz = summarize(times.get('healthz')!);
    for (const role of roles) {
      const timings = summarize(times.get(role)!);
      progress(`${role} home: p50 ${timings.p50} ms, p95 ${timings.p95} ms (${bytes.get(role)} bytes)`);
      emitRow({
        bench: 'home',
        name: `${role} home at ${totalInteractions.toLocaleString('en')} interactions`,
        figure: timings.p95,
        unit: 'ms p95',
        target: 'p95 ≤ 100 ms (issue 12)',
        pass: timings.p95 <= 100,
        baseline: 'GET /healthz p95, same run',
        baselineFigure: healthz.p95,
        ratio: ratioOf(timings.p95, healthz.p95),
        details: {
          p50_ms: timings.p50,
          p99_ms: timings.p99,
          max_ms: timings.max,
          requests: timings.n,
          bytes: bytes.get(role),
          baseline_p50_ms: healthz.p50,
          engagements: engagementCount,
          load_per_core: load,
        },
      });
    }
  } finally {
    await server.close();
    await store.database.close();
  }
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  folder.remove();
}
if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`home bench failure: ${failure}\n`);
  process.exit(1);
}
