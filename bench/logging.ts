/**
 * Logging interactions over HTTP on SQLite (issue 4), against a same-run baseline.
 *
 *   npx tsx bench/logging.ts [--quick] [--connections 20] [--seconds 10]
 *
 * Ours: the real application in this process on a random port, over a fresh SQLite file, with one
 * organization, one engagement (eis-toc 1.0.0) and an API token. autocannon POSTs typical interactions
 * (3 components, 5 activities; the date moves one day per request so the rollups spread over months)
 * to /api/orgs/:orgId/interactions: validation, authentication, the transaction with the interaction,
 * its history, its component index and both rollups, and the response.
 *
 * Baseline (issue 4: "a bare Fastify route inserting the same rows with better-sqlite3"): a bare Fastify
 * route in the same process that writes the rows the application writes for one interaction (the
 * interaction row, its history entry with the snapshot, the component and next-step index rows and
 * the upserts of every rollup: engagement month, month of the relationship, component, principle, mode
 * and practice activity, and at organization level calendar month, component, mode, principle, activity
 * and month of the relationship, practitioner minutes per component and month, and the diversity of the relationship month measured again from its
 * component rows) with prepared statements in one transaction per request, on the application's own
 * schema in another fresh SQLite file. No validation, no authentication, no group commit: the gap
 * between it and ours is what the application adds above SQLite's own work.
 *
 * A second, informative baseline inserts the interaction row alone (the interactions columns, JSON
 * columns stringified) with one prepared statement into a fresh SQLite file with the same pragmas
 * (WAL, synchronous NORMAL, foreign keys): the cost of HTTP and one insert, the floor of any write.
 *
 * All three are driven by the same autocannon options, one after the other, each after a short warm-up.
 * Targets: ≥ 1,000 interactions/s with p99 < 50 ms, and ≥ 0.5 × the baseline's throughput.
 * Any non-2xx response or socket error makes the bench fail (exit 1) after printing what it saw.
 */
import path from 'node:path';
import autocannon, { type AutocannonResult } from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { v7 } from 'uuid';
import { openSqlite } from '../src/store/database.ts';
import { checkDerived } from '../src/app/derived/check-derived.ts';
import { componentDiversity } from '../src/domain/support/diversity.ts';
import { calendarMonth, shiftMonth } from '../src/domain/support/months.ts';
import { organizationRelationshipComponents } from '../src/domain/support/relationship-dose.ts';
import { doseContribution, openNextStepRows } from '../src/domain/support/rollups.ts';
import { interactionMapping, nextStepRow } from '../src/store/repositories/interactions.ts';
import { createEngagement } from '../src/app/engagements/create-engagement.ts';
import { createPartner } from '../src/app/partners/create-partner.ts';
import type { InteractionInput } from '../src/domain/support/schemas.ts';
import { listen, openBenchStore, startBenchApp, temporaryFolder } from './support/app.ts';
import { addDays } from './support/interactions.ts';
import { typicalInteraction } from './support/interactions.ts';
import { loadPerCore, readMachine } from './support/machine.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const connections = argument('connections') ?? 20;
const seconds = argument('seconds') ?? (quick ? 3 : 10);
const warmupSeconds = quick ? 1 : 2;

const engagementStart = '2020-01-15';
/** Dates cycle over about five years, so each run touches some 60 months of rollups. */
const dateSpanDays = 5 * 365;

/** A request source for autocannon: each request carries the next date in the cycle. */
function interactionRequests(pathname: string, token: string, engagementId: string) {
  let sent = 0;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return [
    {
      method: 'POST',
      path: pathname,
      headers,
      setupRequest: (request: { body?: string | Buffer }) => {
        const date = addDays(engagementStart, sent % dateSpanDays);
        sent += 1;
        return { ...request, body: JSON.stringify(typicalInteraction(engagementId, date)) };
      },
    },
  ];
}

async function load(
  url: string,
  requests: ReturnType<typeof interactionRequests>,
  duration: number,
): Promise<AutocannonResult> {
  return autocannon({ url, connections, duration, timeout: 30, requests });
}

interface Measured {
  result: AutocannonResult;
  loadPerCore: number;
}

async function measure(
  label: string,
  url: string,
  requests: () => ReturnType<typeof interactionRequests>,
): Promise<Measured> {
  progress(`${label}: warm-up ${warmupSeconds} s`);
  const warm = await load(url, requests(), warmupSeconds);
  failOnErrors(`${label} (warm-up)`, warm);
  progress(`${label}: ${connections} connections for ${seconds} s`);
  const result = await load(url, requests(), seconds);
  failOnErrors(label, result);
  const perCore = loadPerCore(readMachine());
  progress(
    `${label}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${result.requests.total} requests (load ${perCore} per core)`,
  );
  return { result, loadPerCore: perCore };
}

const failures: string[] = [];
function failOnErrors(label: string, result: AutocannonResult): void {
  if (result.non2xx === 0 && result.errors === 0 && result.timeouts === 0) return;
  const codes = Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
  failures.push(
    `${label}: ${result.non2xx} non-2xx responses (${codes}), ${result.errors} errors, ${result.timeouts} timeouts`,
  );
}

/** A fresh application database with an organization, a token and one engagement to log into. */
async function prepareDatabase(dataDir: string) {
  const { store, organizationId, token, actor } = await openBenchStore(dataDir);
  const partner = await createPartner(
    store,
    organizationId,
    {
      name: 'County agency',
      kind: 'organization',
      parentId: null,
      type: 'county agency',
      region: 'North',
      stateOrCountry: 'NC',
      tags: [],
    },
    actor,
  );
  const engagement = await createEngagement(
    store,
    organizationId,
    {
      partnerId: partner.id,
      name: 'Support for the county agency',
      supportTeam: [],
      startDate: engagementStart,
      endDate: null,
      modelId: 'eis-toc',
      modelVersion: '1.0.0',
      stages: [{ stageId: 'readiness-exploration', startedOn: engagementStart }],
      goals: ['Adopt the program with fidelity'],
    },
    actor,
  );
  return { store, organizationId, token, actor, engagement };
}

/** Ours: the application, its database and an engagement to log into. */
async function runOurs(dir: string): Promise<{ measured: Measured; logged: number; rollupDifferences: number }> {
  const dataDir = path.join(dir, 'app');
  const { store, organizationId, token, engagement } = await prepareDatabase(dataDir);
  const server = await startBenchApp(store, dataDir);
  try {
    const measured = await measure('ours', server.baseUrl, () =>
      interactionRequests(`/api/orgs/${organizationId}/interactions`, token, engagement.id),
    );
    const counted = await sql<{ n: number }>`select count(*) as n from interactions`.execute(store.database.db);
    const logged = Number(counted.rows[0]?.n ?? 0);
    // Every accepted request must have left its interaction and exactly its share of the rollups.
    const differences = await checkDerived(store.tenant(organizationId));
    return { measured, logged, rollupDifferences: differences.length };
  } finally {
    await server.close();
    await store.close();
  }
}

/** The baseline: the same body, the same row shape, one prepared statement, no framework work beyond Fastify's own. */
async function runBaseline(dir: string, engagementId: string): Promise<{ measured: Measured; logged: number }> {
  const sqlite = openSqlite(path.join(dir, 'baseline', 'baseline.db'));
  sqlite.exec(`create table interactions (
    id text primary key, organization_id text not null, version integer not null, created_at text not null, updated_at text not null, deleted_at text,
    engagement_id text not null, partner_id text not null, date text not null, time text, duration_minutes integer not null, mode text not null,
    stage_id text, model_id text not null, model_version text not null, participants text not null, components text not null,
    principles text not null, notes text not null, next_steps text not null, logged_by text not null)`);
  const insert =
    sqlite.prepare(`insert into interactions values (@id, @organization_id, @version, @created_at, @updated_at, @deleted_at,
    @engagement_id, @partner_id, @date, @time, @duration_minutes, @mode, @stage_id, @model_id, @model_version, @participants, @components,
    @principles, @notes, @next_steps, @logged_by)`);
  const app = Fastify();
  app.post('/interactions', async (request, reply) => {
    const input = request.body as InteractionInput;
    const now = new Date().toISOString();
    const row = {
      id: v7(),
      organization_id: 'baseline',
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      engagement_id: input.engagementId,
      partner_id: 'baseline-partner',
      date: input.date,
      time: input.time,
      duration_minutes: input.durationMinutes,
      mode: input.mode,
      stage_id: input.stageId,
      model_id: 'eis-toc',
      model_version: '1.0.0',
      participants: JSON.stringify(input.participants),
      components: JSON.stringify(input.components),
      principles: JSON.stringify(input.principles),
      notes: input.notes,
      next_steps: JSON.stringify(input.nextSteps),
      logged_by: 'baseline',
    };
    insert.run(row);
    return reply.status(201).send(row);
  });
  const url = await listen(app);
  try {
    const measured = await measure('baseline', url, () =>
      interactionRequests('/interactions', 'baseline', engagementId),
    );
    const logged = Number((sqlite.prepare('select count(*) as n from interactions').get() as { n: number }).n);
    return { measured, logged };
  } finally {
    await app.close();
    sqlite.close();
  }
}

/**
 * The informative baseline: the application's whole row set for one interaction, written with
 * prepared statements in one transaction on the application's schema, behind a bare Fastify route.
 */
async function runFullWriteBaseline(dir: string): Promise<{ measured: Measured }> {
  const { store, organizationId, actor, engagement } = await prepareDatabase(path.join(dir, 'full-write'));
  const sqlite = store.database.sqlite!;
  const columns = Object.keys(interactionMapping.columns(typicalInteraction('x', engagementStart) as never));
  const allColumns = ['id', 'organization_id', 'version', 'created_at', 'updated_at', 'deleted_at', ...columns];
  const insertInteraction = sqlite.prepare(
    `insert into interactions (${allColumns.join(', ')}) values (${allColumns.map((c) => `@${c}`).join(', ')})`,
  );
  const insertHistory = sqlite.prepare(
    'insert into history (id, organization_id, entity, entity_id, action, actor, at, changes, version, snapshot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertComponent = sqlite.prepare(
    'insert into interaction_components (interaction_id, organization_id, component_id, minutes, activity_ids) values (?, ?, ?, ?, ?)',
  );
  const upsertEngagementMonth = sqlite.prepare(
    `insert into engagement_month_dose (organization_id, engagement_id, calendar_month, relationship_month, interactions, minutes) values (?, ?, ?, ?, ?, ?)
     on conflict (engagement_id, calendar_month, relationship_month) do update set
       interactions = engagement_month_dose.interactions + excluded.interactions, minutes = engagement_month_dose.minutes + excluded.minutes`,
  );
  const upsertRelationshipMonth = sqlite.prepare(
    `insert into relationship_month_dose (organization_id, engagement_id, relationship_month, interactions, minutes) values (?, ?, ?, ?, ?)
     on conflict (engagement_id, relationship_month) do update set
       interactions = relationship_month_dose.interactions + excluded.interactions, minutes = relationship_month_dose.minutes + excluded.minutes`,
  );
  const upsertComponentMonth = sqlite.prepare(
    `insert into component_month_dose (organization_id, engagement_id, calendar_month, relationship_month, component_id, interactions, minutes, activity_uses) values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (engagement_id, calendar_month, relationship_month, component_id) do update set
       interactions = component_month_dose.interactions + excluded.interactions, minutes = component_month_dose.minutes + excluded.minutes,
       activity_uses = component_month_dose.activity_uses + excluded.activity_uses`,
  );
  const upsertPrincipleMonth = sqlite.prepare(
    `insert into principle_month_use (organization_id, engagement_id, calendar_month, relationship_month, principle_id, interactions, ratings, rating_sum) values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (engagement_id, calendar_month, relationship_month, principle_id) do update set
       interactions = principle_month_use.interactions + excluded.interactions, ratings = principle_month_use.ratings + excluded.ratings,
       rating_sum = principle_month_use.rating_sum + excluded.rating_sum`,
  );
  const upsertOrganizationMonth = sqlite.prepare(
    `insert into organization_month_dose (organization_id, calendar_month, interactions, minutes, engagements) values (?, ?, ?, ?, 1)
     on conflict (organization_id, calendar_month) do update set
       interactions = organization_month_dose.interactions + excluded.interactions, minutes = organization_month_dose.minutes + excluded.minutes`,
  );
  const upsertOrganizationComponentMonth = sqlite.prepare(
    `insert into organization_component_month_dose (organization_id, calendar_month, component_id, interactions, minutes, activity_uses) values (?, ?, ?, ?, ?, ?)
     on conflict (organization_id, calendar_month, component_id) do update set
       interactions = organization_component_month_dose.interactions + excluded.interactions, minutes = organization_component_month_dose.minutes + excluded.minutes,
       activity_uses = organization_component_month_dose.activity_uses + excluded.activity_uses`,
  );
  const upsertOrganizationRelationshipComponent = sqlite.prepare(
    `insert into organization_relationship_component_dose (organization_id, relationship_month, component_id, interactions, minutes, activity_uses) values (?, ?, ?, ?, ?, ?)
     on conflict (organization_id, relationship_month, component_id) do update set
       interactions = organization_relationship_component_dose.interactions + excluded.interactions, minutes = organization_relationship_component_dose.minutes + excluded.minutes,
       activity_uses = organization_relationship_component_dose.activity_uses + excluded.activity_uses`,
  );
  const upsertOrganizationCalendarComponent = sqlite.prepare(
    `insert into organization_calendar_component_dose (organization_id, calendar_month, relationship_month, component_id, interactions, minutes, activity_uses) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (organization_id, calendar_month, relationship_month, component_id) do update set
       interactions = organization_calendar_component_dose.interactions + excluded.interactions, minutes = organization_calendar_component_dose.minutes + excluded.minutes,
       activity_uses = organization_calendar_component_dose.activity_uses + excluded.activity_uses`,
  );
  const upsertModeMonth = sqlite.prepare(
    `insert into mode_month_use (organization_id, engagement_id, calendar_month, mode, interactions, minutes) values (?, ?, ?, ?, ?, ?)
     on conflict (engagement_id, calendar_month, mode) do update set
       interactions = mode_month_use.interactions + excluded.interactions, minutes = mode_month_use.minutes + excluded.minutes`,
  );
  const upsertActivityMonth = sqlite.prepare(
    `insert into activity_month_use (organization_id, engagement_id, calendar_month, component_id, activity_id, interactions) values (?, ?, ?, ?, ?, ?)
     on conflict (engagement_id, calendar_month, component_id, activity_id) do update set interactions = activity_month_use.interactions + excluded.interactions`,
  );
  const upsertPractitionerComponentMonth = sqlite.prepare(
    `insert into practitioner_component_month (organization_id, engagement_id, calendar_month, practitioner_id, component_id, interactions, minutes) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (engagement_id, calendar_month, practitioner_id, component_id) do update set
       interactions = practitioner_component_month.interactions + excluded.interactions, minutes = practitioner_component_month.minutes + excluded.minutes`,
  );
  const upsertOrganizationModeMonth = sqlite.prepare(
    `insert into organization_mode_month_use (organization_id, calendar_month, mode, interactions, minutes) values (?, ?, ?, ?, ?)
     on conflict (organization_id, calendar_month, mode) do update set
       interactions = organization_mode_month_use.interactions + excluded.interactions, minutes = organization_mode_month_use.minutes + excluded.minutes`,
  );
  const upsertOrganizationPrincipleMonth = sqlite.prepare(
    `insert into organization_principle_month_use (organization_id, calendar_month, principle_id, interactions, ratings, rating_sum) values (?, ?, ?, ?, ?, ?)
     on conflict (organization_id, calendar_month, principle_id) do update set
       interactions = organization_principle_month_use.interactions + excluded.interactions, ratings = organization_principle_month_use.ratings + excluded.ratings,
       rating_sum = organization_principle_month_use.rating_sum + excluded.rating_sum`,
  );
  const upsertOrganizationActivityMonth = sqlite.prepare(
    `insert into organization_activity_month_use (organization_id, calendar_month, component_id, activity_id, interactions) values (?, ?, ?, ?, ?)
     on conflict (organization_id, calendar_month, component_id, activity_id) do update set interactions = organization_activity_month_use.interactions + excluded.interactions`,
  );
  const upsertNextStepDueMonth = sqlite.prepare(
    `insert into next_step_due_month (organization_id, engagement_id, calendar_month, owner, due_month, open_steps) values (?, ?, ?, ?, ?, 1)
     on conflict (engagement_id, calendar_month, owner, due_month) do update set open_steps = next_step_due_month.open_steps + 1`,
  );
  const upsertOrganizationNextStepDueMonth = sqlite.prepare(
    `insert into organization_next_step_due_month (organization_id, calendar_month, owner, due_month, open_steps) values (?, ?, ?, ?, 1)
     on conflict (organization_id, calendar_month, owner, due_month) do update set open_steps = organization_next_step_due_month.open_steps + 1`,
  );
  // The diversity of the relationship month, measured again from its component rows (the calendar month and its neighbours).
  const relationshipMonthComponents = sqlite.prepare(
    'select component_id, minutes from component_month_dose where engagement_id = ? and calendar_month in (?, ?, ?) and relationship_month = ?',
  );
  const updateDiversity = sqlite.prepare(
    'update relationship_month_dose set components_used = ?, entropy = ?, dominant_component = ? where engagement_id = ? and relationship_month = ?',
  );
  const neighbours = (month: string): [string, string, string] => [shiftMonth(month, -1), month, shiftMonth(month, 1)];
  const insertNextStep = sqlite.prepare(
    `insert into interaction_next_steps (interaction_id, position, organization_id, engagement_id, interaction_date, text, owner, due_date)
     values (@interaction_id, @position, @organization_id, @engagement_id, @interaction_date, @text, @owner, @due_date)`,
  );
  const write = sqlite.transaction((input: InteractionInput) => {
    const now = new Date().toISOString();
    const row = {
      id: v7(),
      organization_id: organizationId,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...interactionMapping.columns({
        ...input,
        partnerId: engagement.partnerId,
        modelId: engagement.modelId,
        modelVersion: engagement.modelVersion,
        loggedBy: actor,
      }),
    };
    insertInteraction.run(row);
    const record = interactionMapping.fromRow(row as never);
    insertHistory.run(
      v7(),
      organizationId,
      'interaction',
      record.id,
      'create',
      actor,
      now,
      '{}',
      1,
      JSON.stringify(record),
    );
    const dose = doseContribution(record, engagement.startDate, 1);
    const e = dose.engagement;
    upsertEngagementMonth.run(
      organizationId,
      e.engagementId,
      e.calendarMonth,
      e.relationshipMonth,
      e.interactions,
      e.minutes,
    );
    upsertRelationshipMonth.run(organizationId, e.engagementId, e.relationshipMonth, e.interactions, e.minutes);
    for (const c of dose.components)
      upsertComponentMonth.run(
        organizationId,
        c.engagementId,
        c.calendarMonth,
        c.relationshipMonth,
        c.componentId,
        c.interactions,
        c.minutes,
        c.activityUses,
      );
    for (const p of dose.principles)
      upsertPrincipleMonth.run(
        organizationId,
        p.engagementId,
        p.calendarMonth,
        p.relationshipMonth,
        p.principleId,
        p.interactions,
        p.ratings,
        p.ratingSum,
      );
    upsertOrganizationMonth.run(organizationId, e.calendarMonth, e.interactions, e.minutes);
    for (const c of dose.components)
      upsertOrganizationComponentMonth.run(
        organizationId,
        c.calendarMonth,
        c.componentId,
        c.interactions,
        c.minutes,
        c.activityUses,
      );
    for (const c of organizationRelationshipComponents(dose.components))
      upsertOrganizationRelationshipComponent.run(
        organizationId,
        c.relationshipMonth,
        c.componentId,
        c.interactions,
        c.minutes,
        c.activityUses,
      );
    for (const c of dose.components)
      upsertOrganizationCalendarComponent.run(
        organizationId,
        c.calendarMonth,
        c.relationshipMonth,
        c.componentId,
        c.interactions,
        c.minutes,
        c.activityUses,
      );
    for (const m of dose.modes)
      upsertModeMonth.run(organizationId, m.engagementId, m.calendarMonth, m.mode, m.interactions, m.minutes);
    for (const a of dose.activities)
      upsertActivityMonth.run(
        organizationId,
        a.engagementId,
        a.calendarMonth,
        a.componentId,
        a.activityId,
        a.interactions,
      );
    for (const c of dose.components)
      upsertPractitionerComponentMonth.run(
        organizationId,
        c.engagementId,
        c.calendarMonth,
        actor,
        c.componentId,
        c.interactions,
        c.minutes,
      );
    for (const m of dose.modes)
      upsertOrganizationModeMonth.run(organizationId, m.calendarMonth, m.mode, m.interactions, m.minutes);
    for (const p of dose.principles)
      upsertOrganizationPrincipleMonth.run(
        organizationId,
        p.calendarMonth,
        p.principleId,
        p.interactions,
        p.ratings,
        p.ratingSum,
      );
    for (const a of dose.activities)
      upsertOrganizationActivityMonth.run(organizationId, a.calendarMonth, a.componentId, a.activityId, a.interactions);
    const months = neighbours(e.calendarMonth);
    const components = relationshipMonthComponents.all(e.engagementId, ...months, e.relationshipMonth) as {
      component_id: string;
      minutes: number;
    }[];
    const diversity = componentDiversity(components.map((c) => ({ componentId: c.component_id, minutes: c.minutes })));
    updateDiversity.run(
      diversity?.componentsUsed ?? 0,
      diversity?.entropy ?? 0,
      diversity?.dominantComponent ?? null,
      e.engagementId,
      e.relationshipMonth,
    );
    for (const c of record.components)
      insertComponent.run(record.id, organizationId, c.componentId, c.minutes, JSON.stringify(c.activityIds));
    for (const step of openNextStepRows(record)) insertNextStep.run(nextStepRow(organizationId, step));
    for (const step of record.nextSteps) {
      if (step.done || step.dueDate === null) continue;
      const dueMonth = calendarMonth(step.dueDate);
      upsertNextStepDueMonth.run(organizationId, record.engagementId, e.calendarMonth, step.owner, dueMonth);
      upsertOrganizationNextStepDueMonth.run(organizationId, e.calendarMonth, step.owner, dueMonth);
    }
    return record;
  });
  const app = Fastify();
  app.post('/interactions', async (request, reply) => reply.status(201).send(write(request.body as InteractionInput)));
  const url = await listen(app);
  try {
    const measured = await measure('full-write baseline', url, () =>
      interactionRequests('/interactions', 'baseline', engagement.id),
    );
    // The baseline must write the same rows as the application: its rollups must pass the same check.
    const differences = await checkDerived(store.tenant(organizationId));
    if (differences.length > 0)
      failures.push(
        `full-write baseline: ${differences.length} rollup rows differ from a recomputation, so it does not write the application's rows`,
      );
    return { measured };
  } finally {
    await app.close();
    await store.close();
  }
}

const folder = temporaryFolder('logging');
try {
  const ours = await runOurs(folder.dir);
  const baseline = await runBaseline(folder.dir, 'baseline-engagement');
  const fullWrite = await runFullWriteBaseline(folder.dir);
  const o = ours.measured.result;
  const b = baseline.measured.result;
  const oursRate = Math.round(o.requests.average);
  const baselineRate = Math.round(b.requests.average);
  const details = {
    connections,
    seconds,
    requests: o.requests.total,
    non2xx: o.non2xx,
    errors: o.errors,
    latency_ms: { p50: o.latency.p50, p90: o.latency.p90, p99: o.latency.p99, max: o.latency.max },
    baseline_requests: b.requests.total,
    baseline_latency_ms: { p50: b.latency.p50, p90: b.latency.p90, p99: b.latency.p99, max: b.latency.max },
    interactions_stored: ours.logged,
    rollup_differences: ours.rollupDifferences,
    load_per_core: ours.measured.loadPerCore,
    baseline_load_per_core: baseline.measured.loadPerCore,
  };
  const f = fullWrite.measured.result;
  const fullWriteRate = Math.round(f.requests.average);
  const throughputRatio = ratioOf(oursRate, fullWriteRate);
  const baselineName =
    'bare Fastify route writing the same rows (the interaction, its history, the component and next-step index rows and every rollup upsert) with prepared better-sqlite3 statements, one transaction per request';
  emitRow({
    bench: 'logging',
    name: `log interactions over HTTP (SQLite, ${connections} connections)`,
    figure: oursRate,
    unit: 'req/s',
    target: '≥ 1,000/s and ≥ 0.5 × baseline',
    pass: oursRate >= 1000 && throughputRatio >= 0.5,
    baseline: baselineName,
    baselineFigure: fullWriteRate,
    ratio: throughputRatio,
    details: {
      ...details,
      full_write_latency_ms: { p50: f.latency.p50, p90: f.latency.p90, p99: f.latency.p99, max: f.latency.max },
      full_write_load_per_core: fullWrite.measured.loadPerCore,
    },
  });
  emitRow({
    bench: 'logging',
    name: 'log interactions: p99 latency',
    figure: o.latency.p99,
    unit: 'ms',
    target: '< 50 ms',
    pass: o.latency.p99 < 50,
    baseline: baselineName,
    baselineFigure: f.latency.p99,
    ratio: ratioOf(o.latency.p99, f.latency.p99),
  });
  emitRow({
    bench: 'logging',
    name: 'log interactions against a single-row insert',
    figure: oursRate,
    unit: 'req/s',
    target: '',
    pass: null,
    baseline: 'bare Fastify route + one prepared better-sqlite3 insert of the interaction row alone',
    baselineFigure: baselineRate,
    ratio: ratioOf(oursRate, baselineRate),
    details: { baseline_latency_ms: details.baseline_latency_ms },
  });
  // Everything accepted must be stored, and the rollups must equal a recomputation.
  const accepted = o['2xx'];
  if (ours.logged < accepted)
    failures.push(
      `ours: ${accepted} requests answered 2xx in the measured run but only ${ours.logged} interactions are stored`,
    );
  if (ours.rollupDifferences > 0)
    failures.push(`ours: ${ours.rollupDifferences} rollup rows differ from a recomputation`);
} finally {
  folder.remove();
}

if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`FAILED ${failure}\n`);
  process.exitCode = 1;
}
