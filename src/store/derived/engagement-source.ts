import { sql } from 'kysely';
import type { DerivedInteraction, EngagementInteractions } from '../../domain/support/derived/declaration.ts';
import { Interaction } from '../../domain/support/schemas.ts';
import type { Executor } from '../repositories/executor.ts';
import { readJsonColumn } from '../json-column.ts';

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
  const rows = await db
    .selectFrom('engagements')
    .select(['id', 'start_date', 'deleted_at'])
    .where('organization_id', '=', organizationId)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, startDate: r.start_date, live: r.deleted_at === null }));
}

/**
 * The live interactions of one engagement, all or those dated within `[from, to]`: only the columns
 * derived tables read.
 */
export async function engagementInteractions(
  db: Executor,
  organizationId: string,
  engagement: DerivedEngagement,
  window?: { from: string; to: string },
): Promise<EngagementInteractions> {
  const { rows } = await sql<{
    id: string;
    date: string;
    duration_minutes: number;
    mode: string;
    logged_by: string;
    components: string;
    principles: string;
    next_steps: string;
  }>`select id, date, duration_minutes, mode, logged_by, components, principles, next_steps from interactions
     where organization_id = ${organizationId} and engagement_id = ${engagement.id} and deleted_at is null
     ${window ? sql`and date >= ${window.from} and date <= ${window.to}` : sql``}`.execute(db);
  return {
    engagementId: engagement.id,
    startDate: engagement.startDate,
    interactions: rows.map((r): DerivedInteraction => ({
      engagementId: engagement.id,
      date: r.date,
      durationMinutes: Number(r.duration_minutes),
      mode: r.mode,
      loggedBy: r.logged_by,
      components: readJsonColumn(Interaction.shape.components, r.components, at(r, 'components')),
      principles: readJsonColumn(Interaction.shape.principles, r.principles, at(r, 'principles')),
      nextSteps: readJsonColumn(Interaction.shape.nextSteps, r.next_steps, at(r, 'next_steps')),
    })),
  };
}
