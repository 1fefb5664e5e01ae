import { sql } from 'kysely';
import type { DerivedInteraction, EngagementInteractions } from '../../domain/support/derived/declaration.ts';
import { Interaction, type NextStep } from '../../domain/support/schemas.ts';
import type { Executor } from '../repositories/executor.ts';
import { readJsonColumn } from '../json-column.ts';
import type { EngagementRange } from './derived-rows.ts';
import { runShaped } from './shaped.ts';

const at = (r: { id: string }, column: string) => ({ table: 'interactions', column, id: r.id });

/** An engagement as derived tables see it: its start date, and whether it is live. */
export interface DerivedEngagement {
  id: string;
  startDate: string;
  live: boolean;
}

/** The engagements of an organization, or some of them (deleted ones included). */
export async function engagementsOf(
  db: Executor,
  organizationId: string,
  ids?: readonly string[],
): Promise<DerivedEngagement[]> {
  if (ids && ids.length === 0) return [];
  const { rows } = await runShaped<{ id: string; start_date: string; deleted_at: string | null }>(
    db,
    ids ? `engagements ${ids.length}` : 'engagements',
    () => sql`select id, start_date, deleted_at from engagements where organization_id = ${organizationId}
      ${ids ? sql`and id in (${sql.join(ids)})` : sql``} order by id`,
    [organizationId, ...(ids ?? [])],
  );
  return rows.map((r) => ({ id: r.id, startDate: r.start_date, live: r.deleted_at === null }));
}

/** The engagements of an organization within a range of ids (deleted ones included), ordered by id. */
export async function engagementsWithin(
  db: Executor,
  organizationId: string,
  range: EngagementRange,
): Promise<DerivedEngagement[]> {
  const { rows } = await sql<{ id: string; start_date: string; deleted_at: string | null }>`
    select id, start_date, deleted_at from engagements
    where organization_id = ${organizationId}
      ${range.after === null ? sql`` : sql`and id > ${range.after}`}
      ${range.upTo === null ? sql`` : sql`and id <= ${range.upTo}`}
    order by id`.execute(db);
  return rows.map((r) => ({ id: r.id, startDate: r.start_date, live: r.deleted_at === null }));
}

/** The row of an interaction as the write path reads it. */
interface InteractionRow {
  id: string;
  date: string;
  duration_minutes: number;
  mode: string;
  logged_by: string;
  components: string;
  principles: string;
  next_steps: string;
}

/** An interaction's row as read, and the derived interaction made from it. */
interface ReadInteraction {
  row: InteractionRow;
  engagementId: string;
  interaction: DerivedInteraction;
}

/**
 * The interactions that writes read again: a logged interaction's months are recomputed on every later
 * write to them, and parsing the same JSON cells through the schema each time was most of that
 * recompute. An entry is used only when every column read is the very value it was made from, so it
 * can never stand for anything but what the row holds now; being the same object, it also keeps its
 * months (`monthsOf`) from one recompute to the next. Bounded; the oldest entry goes first.
 */
const readInteractions = new Map<string, ReadInteraction>();
const readInteractionsLimit = 10_000;

const sameRow = (a: InteractionRow, b: InteractionRow): boolean =>
  a.date === b.date &&
  Number(a.duration_minutes) === Number(b.duration_minutes) &&
  a.mode === b.mode &&
  a.logged_by === b.logged_by &&
  a.components === b.components &&
  a.principles === b.principles &&
  a.next_steps === b.next_steps;

function derivedInteraction(r: InteractionRow, engagementId: string, remember: boolean): DerivedInteraction {
  if (remember) {
    const known = readInteractions.get(r.id);
    if (known && known.engagementId === engagementId && sameRow(known.row, r)) return known.interaction;
  }
  const interaction: DerivedInteraction = Object.freeze({
    engagementId,
    date: r.date,
    durationMinutes: Number(r.duration_minutes),
    mode: r.mode,
    loggedBy: r.logged_by,
    components: Object.freeze(readJsonColumn(Interaction.shape.components, r.components, at(r, 'components'))),
    principles: Object.freeze(readJsonColumn(Interaction.shape.principles, r.principles, at(r, 'principles'))),
    nextSteps: Object.freeze(readJsonColumn(Interaction.shape.nextSteps, r.next_steps, at(r, 'next_steps'))),
  });
  if (remember) {
    readInteractions.delete(r.id);
    if (readInteractions.size >= readInteractionsLimit) readInteractions.delete(readInteractions.keys().next().value!);
    readInteractions.set(r.id, { row: r, engagementId, interaction });
  }
  return interaction;
}

/**
 * The live interactions of one engagement, all or those dated within `[from, to]`: only the columns
 * derived tables read. `remember` keeps the interactions made for the next read of the same
 * rows (the write path, which reads the same months again and again; not a whole-organization scan).
 */
export async function engagementInteractions(
  db: Executor,
  organizationId: string,
  engagement: DerivedEngagement,
  window?: { from: string; to: string },
  remember = false,
): Promise<EngagementInteractions> {
  const { rows } = await runShaped<InteractionRow>(
    db,
    window ? 'interactions of a window' : 'interactions',
    () => sql`select id, date, duration_minutes, mode, logged_by, components, principles, next_steps from interactions
     where organization_id = ${organizationId} and engagement_id = ${engagement.id} and deleted_at is null
     ${window ? sql`and date >= ${window.from} and date <= ${window.to}` : sql``}`,
    window ? [organizationId, engagement.id, window.from, window.to] : [organizationId, engagement.id],
  );
  return {
    engagementId: engagement.id,
    startDate: engagement.startDate,
    interactions: rows.map((r) => derivedInteraction(r, engagement.id, remember)),
  };
}

/** A live interaction as `praxis check` reads it: what derived tables read, and what the next-step index reads. */
export interface CheckedInteraction extends DerivedInteraction {
  id: string;
  nextSteps: NextStep[];
}

/**
 * The live interactions of a range of engagements (deleted engagements' included), in order of
 * engagement: one query for many engagements. Each row's JSON is read with the domain's schema.
 */
export async function interactionsWithin(
  db: Executor,
  organizationId: string,
  range: EngagementRange,
): Promise<CheckedInteraction[]> {
  const { rows } = await sql<{
    id: string;
    engagement_id: string;
    date: string;
    duration_minutes: number;
    mode: string;
    logged_by: string;
    components: string;
    principles: string;
    next_steps: string;
  }>`select id, engagement_id, date, duration_minutes, mode, logged_by, components, principles, next_steps
     from interactions
     where organization_id = ${organizationId} and deleted_at is null
       ${range.after === null ? sql`` : sql`and engagement_id > ${range.after}`}
       ${range.upTo === null ? sql`` : sql`and engagement_id <= ${range.upTo}`}
     order by engagement_id`.execute(db);
  return rows.map((r): CheckedInteraction => ({
    id: r.id,
    engagementId: r.engagement_id,
    date: r.date,
    durationMinutes: Number(r.duration_minutes),
    mode: r.mode,
    loggedBy: r.logged_by,
    components: readJsonColumn(Interaction.shape.components, r.components, at(r, 'components')),
    principles: readJsonColumn(Interaction.shape.principles, r.principles, at(r, 'principles')),
    nextSteps: readJsonColumn(Interaction.shape.nextSteps, r.next_steps, at(r, 'next_steps')),
  }));
}

/** How many live interactions each engagement of the organization has (engagements with none are absent). */
export async function liveInteractionCounts(db: Executor, organizationId: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ engagement_id: string; n: number | string }>`select engagement_id, count(*) as n
    from interactions where organization_id = ${organizationId} and deleted_at is null
    group by engagement_id`.execute(db);
  return new Map(rows.map((r) => [r.engagement_id, Number(r.n)]));
}

/**
 * Engagements (ordered by id) cut into runs of about `interactions` live interactions each, as ranges
 * that together cover every engagement id: the first open at its start, the last at its end.
 */
export function engagementRuns<E extends { id: string }>(
  engagements: readonly E[],
  counts: ReadonlyMap<string, number>,
  interactions: number,
): { engagements: E[]; range: EngagementRange }[] {
  const runs: { engagements: E[]; range: EngagementRange }[] = [];
  let current: E[] = [];
  let held = 0;
  let after: string | null = null;
  for (const engagement of engagements) {
    current.push(engagement);
    held += counts.get(engagement.id) ?? 0;
    if (held >= interactions) {
      runs.push({ engagements: current, range: { after, upTo: engagement.id } });
      after = engagement.id;
      current = [];
      held = 0;
    }
  }
  runs.push({ engagements: current, range: { after, upTo: null } });
  return runs;
}
