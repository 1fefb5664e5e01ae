import { sql } from 'kysely';
import type { PracticeMinutes } from '../../domain/coaching/practice-minutes.ts';
import type { Executor } from './executor.ts';

/** The practice volume of practitioners from the record: minutes per component of the interactions they logged. */
export class PractitionerPracticeRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** Minutes per practitioner, component and calendar month of live interactions on or after `from`, if given. */
  async minutesByMonth(practitionerIds: readonly string[], from?: string): Promise<PracticeMinutes[]> {
    if (practitionerIds.length === 0) return [];
    const month = sql<string>`substr(interactions.date, 1, 7)`;
    let query = this.db
      .selectFrom('interactions')
      .innerJoin('interaction_components', 'interaction_components.interaction_id', 'interactions.id')
      .select([
        'interactions.logged_by as practitionerId',
        'interaction_components.component_id as componentId',
        month.as('month'),
        sql<number>`sum(interaction_components.minutes)`.as('minutes'),
      ])
      .where('interactions.organization_id', '=', this.organizationId)
      .where('interactions.deleted_at', 'is', null)
      .where('interactions.logged_by', 'in', [...practitionerIds]);
    if (from) query = query.where('interactions.date', '>=', from);
    const rows = await query
      .groupBy(['interactions.logged_by', 'interaction_components.component_id', month])
      .execute();
    return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }));
  }

  /** Minutes per practitioner and component of live interactions on or after `from`. */
  async minutesSince(practitionerIds: readonly string[], from: string): Promise<Omit<PracticeMinutes, 'month'>[]> {
    if (practitionerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('interactions')
      .innerJoin('interaction_components', 'interaction_components.interaction_id', 'interactions.id')
      .select([
        'interactions.logged_by as practitionerId',
        'interaction_components.component_id as componentId',
        sql<number>`sum(interaction_components.minutes)`.as('minutes'),
      ])
      .where('interactions.organization_id', '=', this.organizationId)
      .where('interactions.deleted_at', 'is', null)
      .where('interactions.logged_by', 'in', [...practitionerIds])
      .where('interactions.date', '>=', from)
      .groupBy(['interactions.logged_by', 'interaction_components.component_id'])
      .execute();
    return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }));
  }
}
