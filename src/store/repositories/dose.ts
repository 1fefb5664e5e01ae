import { sql } from 'kysely';
import type { ComponentMonthDose, DoseContribution, EngagementMonthDose } from '../../domain/support/rollups.ts';
import type { Executor } from './executor.ts';

/** The monthly dose rollups of one organization: written with every interaction change, read by dashboards. */
export class DoseRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /** Adds (or, with negative counts, subtracts) one interaction's contribution; months that fall to zero disappear. */
  async apply(contribution: DoseContribution): Promise<void> {
    const e = contribution.engagement;
    const monthKey = ['engagement_id', 'calendar_month', 'relationship_month'] as const;
    await this.db
      .insertInto('engagement_month_dose')
      .values({ organization_id: this.organizationId, engagement_id: e.engagementId, calendar_month: e.calendarMonth, relationship_month: e.relationshipMonth, interactions: e.interactions, minutes: e.minutes })
      .onConflict((oc) =>
        oc.columns([...monthKey]).doUpdateSet((eb) => ({
          interactions: eb('engagement_month_dose.interactions', '+', eb.ref('excluded.interactions')),
          minutes: eb('engagement_month_dose.minutes', '+', eb.ref('excluded.minutes')),
        })),
      )
      .execute();
    // Only a subtraction can bring a month to zero; an addition never leaves a row to remove.
    if (e.interactions < 0) await this.db
      .deleteFrom('engagement_month_dose')
      .where('engagement_id', '=', e.engagementId)
      .where('calendar_month', '=', e.calendarMonth)
      .where('relationship_month', '=', e.relationshipMonth)
      .where('interactions', '<=', 0)
      .execute();
    if (contribution.components.length === 0) return;
    // All components of the contribution in one multi-row upsert: one statement instead of one per component.
    await this.db
      .insertInto('component_month_dose')
      .values(
        contribution.components.map((c) => ({
          organization_id: this.organizationId,
          engagement_id: c.engagementId,
          calendar_month: c.calendarMonth,
          relationship_month: c.relationshipMonth,
          component_id: c.componentId,
          interactions: c.interactions,
          minutes: c.minutes,
          activity_uses: c.activityUses,
        })),
      )
      .onConflict((oc) =>
        oc.columns([...monthKey, 'component_id']).doUpdateSet((eb) => ({
          interactions: eb('component_month_dose.interactions', '+', eb.ref('excluded.interactions')),
          minutes: eb('component_month_dose.minutes', '+', eb.ref('excluded.minutes')),
          activity_uses: eb('component_month_dose.activity_uses', '+', eb.ref('excluded.activity_uses')),
        })),
      )
      .execute();
    if (contribution.components.some((c) => c.interactions < 0)) await this.db
      .deleteFrom('component_month_dose')
      .where('engagement_id', '=', e.engagementId)
      .where('calendar_month', '=', e.calendarMonth)
      .where('relationship_month', '=', e.relationshipMonth)
      .where('interactions', '<=', 0)
      .execute();
  }

  /** Drops an engagement's rollups, before they are rebuilt (its start date changed). */
  async clearEngagement(engagementId: string): Promise<void> {
    await this.db.deleteFrom('engagement_month_dose').where('organization_id', '=', this.organizationId).where('engagement_id', '=', engagementId).execute();
    await this.db.deleteFrom('component_month_dose').where('organization_id', '=', this.organizationId).where('engagement_id', '=', engagementId).execute();
  }

  async engagementMonths(engagementId?: string): Promise<EngagementMonthDose[]> {
    let query = this.db.selectFrom('engagement_month_dose').selectAll().where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('engagement_id').orderBy('calendar_month').orderBy('relationship_month').execute();
    return rows.map((r) => ({ engagementId: r.engagement_id, calendarMonth: r.calendar_month, relationshipMonth: Number(r.relationship_month), interactions: Number(r.interactions), minutes: Number(r.minutes) }));
  }

  async componentMonths(engagementId?: string): Promise<ComponentMonthDose[]> {
    let query = this.db.selectFrom('component_month_dose').selectAll().where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('engagement_id').orderBy('calendar_month').orderBy('relationship_month').orderBy('component_id').execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      calendarMonth: r.calendar_month,
      relationshipMonth: Number(r.relationship_month),
      componentId: r.component_id,
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
      activityUses: Number(r.activity_uses),
    }));
  }

  /** Organization-wide totals per calendar month, summed in the database. */
  async organizationByCalendarMonth(): Promise<{ calendarMonth: string; interactions: number; minutes: number; engagements: number }[]> {
    const rows = await this.db
      .selectFrom('engagement_month_dose')
      .select(['calendar_month', sql<number>`sum(interactions)`.as('interactions'), sql<number>`sum(minutes)`.as('minutes'), sql<number>`count(distinct engagement_id)`.as('engagements')])
      .where('organization_id', '=', this.organizationId)
      .groupBy('calendar_month')
      .orderBy('calendar_month')
      .execute();
    return rows.map((r) => ({ calendarMonth: r.calendar_month, interactions: Number(r.interactions), minutes: Number(r.minutes), engagements: Number(r.engagements) }));
  }

  /** Organization-wide minutes per component per calendar month. */
  async organizationComponentsByCalendarMonth(): Promise<{ calendarMonth: string; componentId: string; interactions: number; minutes: number }[]> {
    const rows = await this.db
      .selectFrom('component_month_dose')
      .select(['calendar_month', 'component_id', sql<number>`sum(interactions)`.as('interactions'), sql<number>`sum(minutes)`.as('minutes')])
      .where('organization_id', '=', this.organizationId)
      .groupBy(['calendar_month', 'component_id'])
      .orderBy('calendar_month')
      .orderBy('component_id')
      .execute();
    return rows.map((r) => ({ calendarMonth: r.calendar_month, componentId: r.component_id, interactions: Number(r.interactions), minutes: Number(r.minutes) }));
  }
}
