import { sql } from 'kysely';
import type { DerivedInteraction, EngagementInteractions } from '../../domain/support/derived/declaration.ts';
import { Interaction } from '../../domain/support/schemas.ts';
import type { Executor } from '../repositories/executor.ts';
import { readJsonColumn } from '../json-column.ts';
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

/** The JSON cells of an interaction as read, and what they parsed to. */
interface ParsedCells {
  components: string;
  principles: string;
  parsed: Pick<DerivedInteraction, 'components' | 'principles'>;
}

/**
 * The parsed JSON cells of interactions that writes read again: a logged interaction's months are
 * recomputed on every later write to them, and parsing the same cells through the schema each time
 * was most of that recompute. An entry is used only when both cells read are the very text it was
 * parsed from, so it can never stand for anything but what the row holds now. Bounded; the oldest
 * entry goes first.
 */
const parsedCells = new Map<string, ParsedCells>();
const parsedCellsLimit = 10_000;

function parseCells(
  r: { id: string; components: string; principles: string },
  remember: boolean,
): Pick<DerivedInteraction, 'components' | 'principles'> {
  if (remember) {
    const known = parsedCells.get(r.id);
    if (known && known.components === r.components && known.principles === r.principles) return known.parsed;
  }
  const parsed = Object.freeze({
    components: Object.freeze(readJsonColumn(Interaction.shape.components, r.components, at(r, 'components'))),
    principles: Object.freeze(readJsonColumn(Interaction.shape.principles, r.principles, at(r, 'principles'))),
  });
  if (remember) {
    parsedCells.delete(r.id);
    if (parsedCells.size >= parsedCellsLimit) parsedCells.delete(parsedCells.keys().next().value!);
    parsedCells.set(r.id, { components: r.components, principles: r.principles, parsed });
  }
  return parsed;
}

/**
 * The live interactions of one engagement, all or those dated within `[from, to]`: only the columns
 * derived tables read. `remember` keeps what their JSON cells parsed to for the next read of the same
 * rows (the write path, which reads the same months again and again; not a whole-organization scan).
 */
export async function engagementInteractions(
  db: Executor,
  organizationId: string,
  engagement: DerivedEngagement,
  window?: { from: string; to: string },
  remember = false,
): Promise<EngagementInteractions> {
  const { rows } = await runShaped<{
    id: string;
    date: string;
    duration_minutes: number;
    mode: string;
    logged_by: string;
    components: string;
    principles: string;
  }>(
    db,
    window ? 'interactions of a window' : 'interactions',
    () => sql`select id, date, duration_minutes, mode, logged_by, components, principles from interactions
     where organization_id = ${organizationId} and engagement_id = ${engagement.id} and deleted_at is null
     ${window ? sql`and date >= ${window.from} and date <= ${window.to}` : sql``}`,
    window ? [organizationId, engagement.id, window.from, window.to] : [organizationId, engagement.id],
  );
  return {
    engagementId: engagement.id,
    startDate: engagement.startDate,
    interactions: rows.map((r): DerivedInteraction => {
      const { components, principles } = parseCells(r, remember);
      return {
        engagementId: engagement.id,
        date: r.date,
        durationMinutes: Number(r.duration_minutes),
        mode: r.mode,
        loggedBy: r.logged_by,
        components,
        principles,
      };
    }),
  };
}
