import { sql } from 'kysely';
import type { PracticeMinutes } from '../../domain/coaching/practice-minutes.ts';
import type { Executor } from './executor.ts';

/** The practice volume of practitioners from the record: minutes per component of the interactions they logged. */
export class PractitionerPracticeRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /**
   * Minutes per practitioner, component and calendar month of live interactions on or after `from` (a
   * whole month, `YYYY-MM`), if given: read from the derived `practitioner_component_month`, summed
   * over the engagements.
   */
  async minutesByMonth(practitionerIds: readonly string[], fromMonth?: string): Promise<PracticeMinutes[]> {
    if (practitionerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('practitioner_component_month')
      .select([
        'practitioner_id as practitionerId',
        'component_id as componentId',
        'calendar_month as month',
        sql<number>`sum(minutes)`.as('minutes'),
      ])
      .where('organization_id', '=', this.organizationId)
      .where('practitioner_id', 'in', [...practitionerIds])
      .$if(fromMonth !== undefined, (q) => q.where('calendar_month', '>=', fromMonth!))
      .groupBy(['practitioner_id', 'component_id', 'calendar_month'])
      .execute();
    return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }));
  }

  /**
   * Minutes per practitioner and component of live interactions on or after the day `from`: the whole
   * months after its month from the derived table, and the rest of its own month from the interactions
   * themselves, so the sum is exact to the day and reads few rows at any size of the record.
   */
  async minutesSince(practitionerIds: readonly string[], from: string): Promise<Omit<PracticeMinutes, 'month'>[]> {
    if (practitionerIds.length === 0) return [];
    const [year, month] = from.split('-').map(Number) as [number, number];
    const nextMonth = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);
    const sums = new Map<string, Omit<PracticeMinutes, 'month'>>();
    const add = (rows: Omit<PracticeMinutes, 'month'>[]): void => {
      for (const row of rows) {
        const key = `${row.practitionerId}\u0000${row.componentId}`;
        const sum = sums.get(key);
        if (sum) sum.minutes += Number(row.minutes);
        else sums.set(key, { ...row, minutes: Number(row.minutes) });
      }
    };
    add(
      await this.db
        .selectFrom('practitioner_component_month')
        .select([
          'practitioner_id as practitionerId',
          'component_id as componentId',
          sql<number>`sum(minutes)`.as('minutes'),
        ])
        .where('organization_id', '=', this.organizationId)
        .where('practitioner_id', 'in', [...practitionerIds])
        .where('calendar_month', '>=', nextMonth)
        .groupBy(['practitioner_id', 'component_id'])
        .execute(),
    );
    add(
      await this.db
        .selectFrom('interactions')
        .innerJoin('interaction_components', 'interaction_components.interaction_id', 'interactions.id')
        .innerJoin('engagements', 'engagements.id', 'interactions.engagement_id')
        .select([
          'interactions.logged_by as practitionerId',
          'interaction_components.component_id as componentId',
          sql<number>`sum(interaction_components.minutes)`.as('minutes'),
        ])
        .where('interactions.organization_id', '=', this.organizationId)
        .where('interactions.deleted_at', 'is', null)
        .where('engagements.deleted_at', 'is', null)
        .where('interactions.logged_by', 'in', [...practitionerIds])
        .where('interactions.date', '>=', from)
        .where('interactions.date', '<', `${nextMonth}-01`)
        .groupBy(['interactions.logged_by', 'interaction_components.component_id'])
        .execute(),
    );
    return [...sums.values()];
  }
}
