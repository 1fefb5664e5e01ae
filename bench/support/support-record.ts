import { randomFillSync } from 'node:crypto';
import type Database from 'better-sqlite3';
import { v7 } from 'uuid';
import type { Random } from '../../src/demo/random.ts';
import { checkInteraction, stageOn } from '../../src/domain/support/interaction-rules.ts';
import {
  columnsOf,
  OrganizationRowsSum,
  type DerivedDeclaration,
  type DerivedRow,
} from '../../src/domain/support/derived/declaration.ts';
import {
  componentMonthDose,
  engagementMonthDose,
  principleMonthUse,
} from '../../src/domain/support/derived/engagement-tables.ts';
import {
  organizationComponentMonthDose,
  organizationMonthDose,
} from '../../src/domain/support/derived/organization-tables.ts';
import { derivedTables, engagementTables, organizationTables } from '../../src/domain/support/derived/registry.ts';
import { openNextStepRows } from '../../src/domain/support/rollups.ts';
import {
  InteractionInput as InteractionInputSchema,
  type Engagement,
  type InteractionInput,
} from '../../src/domain/support/schemas.ts';
import type { PracticeModel } from '../../src/model/schema.ts';
import { createEngagement } from '../../src/app/engagements/create-engagement.ts';
import { createPartner } from '../../src/app/partners/create-partner.ts';
import { nowIso } from '../../src/store/ids.ts';
import { interactionMapping, nextStepRow } from '../../src/store/repositories/interactions.ts';
import type { Store } from '../../src/store/store.ts';
import { addDays, daysBetween, variedInteraction } from './interactions.ts';

/**
 * A large synthetic support record for the scale bench. Partners and engagements go through the
 * application's own operations; interactions, which are the bulk, are written straight into the
 * tables with prepared statements, row for row as the repositories write them (the same column
 * mapping, the component and next-step indexes, and every declared derived table's rows from its
 * declaration, per engagement, and summed over all of them for the organization level).
 * History rows are not written for them: nothing on the measured pages reads history.
 */

export interface PlannedEngagement {
  engagement: Engagement;
  /** The last date an interaction may fall on: the end date, or today for an open engagement. */
  lastDate: string;
  interactions: number;
  /** Who logged the interactions, in turn; absent: the loader's `loggedBy`. */
  loggedBy?: readonly string[];
}

const firstStart = '2016-01-01';
const lastStart = '2023-12-31';

/** Partners (a few systems, one organization per engagement) and engagements on eis-toc 1.0.0, through the app's operations. */
export async function createEngagements(
  store: Store,
  organizationId: string,
  actor: string,
  random: Random,
  model: PracticeModel,
  count: number,
  today: string,
): Promise<Omit<PlannedEngagement, 'interactions'>[]> {
  const systems = [];
  for (let s = 0; s < Math.max(1, Math.round(count / 50)); s++) {
    const state = s % 2 === 0 ? 'NC' : 'PA';
    systems.push(
      await createPartner(
        store,
        organizationId,
        {
          name: `Service system ${s + 1}`,
          kind: 'system',
          parentId: null,
          type: 'state system',
          region: `Region ${s + 1}`,
          stateOrCountry: state,
          tags: [],
        },
        actor,
      ),
    );
  }
  const planned: Omit<PlannedEngagement, 'interactions'>[] = [];
  const stageIds = model.stages.map((s) => s.id);
  for (let e = 0; e < count; e++) {
    const system = systems[e % systems.length]!;
    const partner = await createPartner(
      store,
      organizationId,
      {
        name: `Agency ${e + 1}`,
        kind: 'organization',
        parentId: system.id,
        type: 'county agency',
        region: system.region,
        stateOrCountry: system.stateOrCountry,
        tags: [],
      },
      actor,
    );
    const startDate = addDays(firstStart, random.int(0, daysBetween(firstStart, lastStart)));
    const ended = random.chance(0.4);
    const endCandidate = addDays(startDate, random.int(2 * 365, 6 * 365));
    const endDate = ended && endCandidate < today ? endCandidate : null;
    const lastDate = endDate ?? today;
    // Stages follow one another: exploration at the start, then later stages months or years apart.
    const offsets = [0, random.int(90, 270), random.int(365, 730), random.int(900, 1460)];
    const stages = offsets
      .map((days, i) => ({ stageId: stageIds[Math.min(i, stageIds.length - 1)]!, startedOn: addDays(startDate, days) }))
      .filter((s) => s.startedOn <= lastDate);
    const engagement = await createEngagement(
      store,
      organizationId,
      {
        partnerId: partner.id,
        name: `Support for agency ${e + 1}`,
        supportTeam: [],
        startDate,
        endDate,
        modelId: model.id,
        modelVersion: model.version,
        stages,
        goals: ['Adopt the program with fidelity'],
      },
      actor,
    );
    planned.push({ engagement, lastDate });
  }
  return planned;
}

/** Splits `total` interactions over the engagements, in proportion to their length times a random factor. */
export function spreadInteractions(
  random: Random,
  engagements: Omit<PlannedEngagement, 'interactions'>[],
  total: number,
): PlannedEngagement[] {
  const weights = engagements.map(
    (e) => Math.max(1, daysBetween(e.engagement.startDate, e.lastDate)) * random.between(0.5, 1.5),
  );
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]! += 1;
  return engagements.map((e, i) => ({ ...e, interactions: counts[i]! }));
}

/**
 * UUIDv7 ids as the application's `newId` makes them (time-ordered, monotonic within a millisecond),
 * with the random bits drawn from a pooled buffer: one system call per 4,096 ids instead of one each.
 */
function idSource(): () => string {
  const pool = new Uint8Array(16 * 4096);
  let used = pool.length;
  let msecs = 0;
  let seq = 0;
  return () => {
    if (used === pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    const random = pool.subarray(used, used + 16);
    used += 16;
    const now = Date.now();
    if (now > msecs) {
      msecs = now;
      seq = ((random[6]! << 23) | (random[7]! << 15) | (random[8]! << 7) | random[9]!) & 0x7fffffff;
    } else seq = (seq + 1) | 0;
    return v7({ random, msecs, seq });
  };
}

export interface LoadReport {
  interactions: number;
  componentRows: number;
  engagementMonthRows: number;
  componentMonthRows: number;
  principleMonthRows: number;
  nextStepRows: number;
  organizationMonthRows: number;
  organizationComponentMonthRows: number;
  /** Generated inputs checked with the domain's schema and rules (every 500th). */
  validated: number;
}

/**
 * Generates and writes every planned engagement's interactions through `sqlite` (a separate
 * connection to the application's file), one transaction per batch of engagements.
 */
export function loadInteractions(
  sqlite: Database.Database,
  organizationId: string,
  loggedBy: string,
  random: Random,
  model: PracticeModel,
  plan: PlannedEngagement[],
  onProgress: (done: number) => void,
): LoadReport {
  const insertInteraction = sqlite.prepare(
    `insert into interactions (id, organization_id, version, created_at, updated_at, deleted_at, engagement_id, partner_id, date, time, duration_minutes, mode,
       stage_id, model_id, model_version, participants, components, principles, notes, next_steps, logged_by)
     values (@id, @organization_id, @version, @created_at, @updated_at, @deleted_at, @engagement_id, @partner_id, @date, @time, @duration_minutes, @mode,
       @stage_id, @model_id, @model_version, @participants, @components, @principles, @notes, @next_steps, @logged_by)`,
  );
  const insertComponent = sqlite.prepare(
    'insert into interaction_components (interaction_id, organization_id, component_id, minutes, activity_ids) values (?, ?, ?, ?, ?)',
  );
  const insertNextStep = sqlite.prepare(
    `insert into interaction_next_steps (interaction_id, position, organization_id, engagement_id, interaction_date, text, owner, due_date)
     values (@interaction_id, @position, @organization_id, @engagement_id, @interaction_date, @text, @owner, @due_date)`,
  );
  // Every derived table, written from its declaration (src/domain/support/derived): the same rows the
  // write path and `praxis rebuild` write.
  const insertDerived = new Map(
    derivedTables.map((table) => {
      const columns = ['organization_id', ...columnsOf(table).map(([c]) => c)];
      return [
        table,
        sqlite.prepare(
          `insert into ${table.table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        ),
      ] as const;
    }),
  );
  const writeDerived = (table: DerivedDeclaration, rows: readonly DerivedRow[]): void => {
    const insert = insertDerived.get(table)!;
    const columns = columnsOf(table).map(([c]) => c);
    for (const row of rows) insert.run(organizationId, ...columns.map((c) => row[c] ?? null));
  };
  const newId = idSource();
  const report: LoadReport = {
    interactions: 0,
    componentRows: 0,
    engagementMonthRows: 0,
    componentMonthRows: 0,
    principleMonthRows: 0,
    nextStepRows: 0,
    organizationMonthRows: 0,
    organizationComponentMonthRows: 0,
    validated: 0,
  };
  const organization = organizationTables.map((table) => new OrganizationRowsSum(table));

  const writeEngagement = ({
    engagement,
    lastDate,
    interactions: count,
    loggedBy: loggers,
  }: PlannedEngagement): void => {
    const loggerOf = (k: number): string => (loggers && loggers.length > 0 ? loggers[k % loggers.length]! : loggedBy);
    const span = daysBetween(engagement.startDate, lastDate);
    const dates = Array.from({ length: count }, () => addDays(engagement.startDate, random.int(0, span))).sort();
    const inputs: (InteractionInput & { loggedBy: string })[] = [];
    // The dates are sorted: the start times taken on the current one, so that none is logged twice.
    let takenTimes = new Set<string>();
    for (const [i, date] of dates.entries()) {
      if (date !== dates[i - 1]) takenTimes = new Set();
      const input = variedInteraction(
        random,
        model,
        engagement.id,
        date,
        stageOn(engagement.stages, date) ?? model.stages[0]!.id,
        takenTimes,
      );
      if (report.interactions % 500 === 0) validate(input, model, engagement);
      const now = nowIso();
      const id = newId();
      insertInteraction.run({
        id,
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
          loggedBy: loggerOf(inputs.length),
        }),
      });
      // The component and next-step indexes, as InteractionRepository.writeIndexes writes them.
      for (const c of input.components)
        insertComponent.run(id, organizationId, c.componentId, c.minutes, JSON.stringify(c.activityIds));
      report.componentRows += input.components.length;
      for (const step of openNextStepRows({ ...input, id })) insertNextStep.run(nextStepRow(organizationId, step));
      report.nextStepRows += openNextStepRows({ ...input, id }).length;
      report.interactions += 1;
      inputs.push({ ...input, loggedBy: loggerOf(inputs.length) });
    }
    // The derived rows, as the write path leaves them after every one of these was logged.
    const source = {
      engagementId: engagement.id,
      startDate: engagement.startDate,
      interactions: inputs,
    };
    for (const table of engagementTables) {
      const rows = table.rows(source);
      writeDerived(table, rows);
      if (table === engagementMonthDose) report.engagementMonthRows += rows.length;
      if (table === componentMonthDose) report.componentMonthRows += rows.length;
      if (table === principleMonthUse) report.principleMonthRows += rows.length;
      for (const sum of organization) if (sum.declaration.from === table) sum.add(rows);
    }
  };

  // Secondary indexes are dropped while loading and rebuilt afterwards from their own SQL, which
  // leaves the schema exactly as the migrations made it and builds each index once, in order.
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('interactions', 'interaction_components', 'interaction_next_steps', ${engagementTables.map((t) => `'${t.table}'`).join(', ')}) order by name`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  const writeBatch = sqlite.transaction((batch: PlannedEngagement[]) => {
    for (const planned of batch) writeEngagement(planned);
  });
  const batchSize = 50;
  for (let i = 0; i < plan.length; i += batchSize) {
    writeBatch(plan.slice(i, i + batchSize));
    onProgress(report.interactions);
  }
  // The organization-level rows: every engagement's rows summed, as the write path sums them.
  sqlite.transaction(() => {
    for (const sum of organization) {
      const rows = sum.rows();
      writeDerived(sum.declaration, rows);
      if (sum.declaration === organizationMonthDose) report.organizationMonthRows = rows.length;
      if (sum.declaration === organizationComponentMonthDose) report.organizationComponentMonthRows = rows.length;
    }
  })();
  sqlite.transaction(() => {
    for (const index of indexes) sqlite.exec(index.sql);
  })();

  function validate(input: InteractionInput, m: PracticeModel, engagement: Engagement): void {
    const parsed = InteractionInputSchema.safeParse(input);
    const problems = parsed.success
      ? checkInteraction(parsed.data, {
          model: m,
          engagementStart: engagement.startDate,
          engagementEnd: engagement.endDate,
        })
      : parsed.error.issues;
    if (problems.length > 0) throw new Error(`generated interaction is not valid: ${JSON.stringify(problems)}`);
    report.validated += 1;
  }
  return report;
}
