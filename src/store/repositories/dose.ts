import { sql } from 'kysely';
import type {
  ActivityMonthUse,
  ComponentMonthDose,
  EngagementMonthDose,
  ModeMonthUse,
  OrganizationActivityMonthUse,
  OrganizationComponentMonthDose,
  OrganizationModeMonthUse,
  OrganizationMonthDose,
  OrganizationPrincipleMonthUse,
  PrincipleMonthUse,
} from '../../domain/support/rollups.ts';
import type { ComponentDiversity } from '../../domain/support/diversity.ts';
import type { RelationshipMonthDose } from '../../domain/support/relationship-dose.ts';
import { ofOrganization, type Executor } from './executor.ts';

const storedDiversity = (r: {
  components_used: number;
  entropy: number;
  dominant_component: string | null;
}): ComponentDiversity | null =>
  r.dominant_component === null
    ? null
    : {
        componentsUsed: Number(r.components_used),
        entropy: Number(r.entropy),
        dominantComponent: r.dominant_component,
      };

/**
 * Reads of the monthly dose and practice-use tables of one organization, for the pages and the
 * analysis: per engagement and calendar month (in total, per component, principle, mode and practice
 * activity), per engagement and month of the relationship (in total, with the diversity of component
 * use), and per organization. The rows are declared in `src/domain/support/derived` and written only by
 * `DerivedRefresh` (`src/store/derived`), recomputed from raw interactions when a write touches them.
 */
export class DoseRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /**
   * Minutes logged in one calendar month (`YYYY-MM`), by engagement, from the monthly rollup: of the
   * given engagements (a key seek each), or of every engagement of the organization.
   */
  async minutesInMonth(calendarMonth: string, engagementIds?: readonly string[]): Promise<Map<string, number>> {
    if (engagementIds && engagementIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('engagement_month_dose')
      .select(['engagement_id', 'minutes'])
      .where(ofOrganization(this.organizationId, engagementIds ?? null))
      .where('calendar_month', '=', calendarMonth)
      .$if(engagementIds !== undefined, (q) => q.where('engagement_id', 'in', [...engagementIds!]))
      .execute();
    const minutes = new Map<string, number>();
    // A calendar month can span two months of the relationship: sum them.
    for (const r of rows) minutes.set(r.engagement_id, (minutes.get(r.engagement_id) ?? 0) + Number(r.minutes));
    return minutes;
  }

  async engagementMonths(engagementId?: string): Promise<EngagementMonthDose[]> {
    let query = this.db
      .selectFrom('engagement_month_dose')
      .selectAll()
      .where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('engagement_id').orderBy('calendar_month').orderBy('relationship_month').execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      calendarMonth: r.calendar_month,
      relationshipMonth: Number(r.relationship_month),
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
    }));
  }

  async componentMonths(engagementId?: string): Promise<ComponentMonthDose[]> {
    let query = this.db
      .selectFrom('component_month_dose')
      .selectAll()
      .where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query
      .orderBy('engagement_id')
      .orderBy('calendar_month')
      .orderBy('relationship_month')
      .orderBy('component_id')
      .execute();
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

  async principleMonths(engagementId?: string): Promise<PrincipleMonthUse[]> {
    let query = this.db
      .selectFrom('principle_month_use')
      .selectAll()
      .where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query
      .orderBy('engagement_id')
      .orderBy('calendar_month')
      .orderBy('relationship_month')
      .orderBy('principle_id')
      .execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      calendarMonth: r.calendar_month,
      relationshipMonth: Number(r.relationship_month),
      principleId: r.principle_id,
      interactions: Number(r.interactions),
      ratings: Number(r.ratings),
      ratingSum: Number(r.rating_sum),
    }));
  }

  async modeMonths(engagementId?: string): Promise<ModeMonthUse[]> {
    let query = this.db.selectFrom('mode_month_use').selectAll().where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('engagement_id').orderBy('calendar_month').orderBy('mode').execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      calendarMonth: r.calendar_month,
      mode: r.mode,
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
    }));
  }

  async activityMonths(engagementId?: string): Promise<ActivityMonthUse[]> {
    let query = this.db.selectFrom('activity_month_use').selectAll().where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query
      .orderBy('engagement_id')
      .orderBy('calendar_month')
      .orderBy('component_id')
      .orderBy('activity_id')
      .execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      calendarMonth: r.calendar_month,
      componentId: r.component_id,
      activityId: r.activity_id,
      interactions: Number(r.interactions),
    }));
  }

  /** The organization's mode, principle and activity use per calendar month, from the organization-level rollups (for `checkDerived`). */
  async organizationPracticeByCalendarMonth(): Promise<{
    modeMonths: OrganizationModeMonthUse[];
    principleMonths: OrganizationPrincipleMonthUse[];
    activityMonths: OrganizationActivityMonthUse[];
  }> {
    const org = this.organizationId;
    const modes = await this.db
      .selectFrom('organization_mode_month_use')
      .selectAll()
      .where('organization_id', '=', org)
      .execute();
    const principles = await this.db
      .selectFrom('organization_principle_month_use')
      .selectAll()
      .where('organization_id', '=', org)
      .execute();
    const activities = await this.db
      .selectFrom('organization_activity_month_use')
      .selectAll()
      .where('organization_id', '=', org)
      .execute();
    return {
      modeMonths: modes.map((r) => ({
        calendarMonth: r.calendar_month,
        mode: r.mode,
        interactions: Number(r.interactions),
        minutes: Number(r.minutes),
      })),
      principleMonths: principles.map((r) => ({
        calendarMonth: r.calendar_month,
        principleId: r.principle_id,
        interactions: Number(r.interactions),
        ratings: Number(r.ratings),
        ratingSum: Number(r.rating_sum),
      })),
      activityMonths: activities.map((r) => ({
        calendarMonth: r.calendar_month,
        componentId: r.component_id,
        activityId: r.activity_id,
        interactions: Number(r.interactions),
      })),
    };
  }

  /** One engagement's principle use over its whole relationship, summed in the database. */
  async principleTotals(
    engagementId: string,
  ): Promise<{ principleId: string; interactions: number; ratings: number; ratingSum: number }[]> {
    const rows = await this.db
      .selectFrom('principle_month_use')
      .select([
        'principle_id',
        sql<number>`sum(interactions)`.as('interactions'),
        sql<number>`sum(ratings)`.as('ratings'),
        sql<number>`sum(rating_sum)`.as('rating_sum'),
      ])
      .where('engagement_id', '=', engagementId)
      .where('organization_id', '=', this.organizationId)
      .groupBy('principle_id')
      .execute();
    return rows.map((r) => ({
      principleId: r.principle_id,
      interactions: Number(r.interactions),
      ratings: Number(r.ratings),
      ratingSum: Number(r.rating_sum),
    }));
  }

  /** Organization-wide totals per calendar month, from the organization-level rollup. */
  async organizationByCalendarMonth(): Promise<OrganizationMonthDose[]> {
    const rows = await this.db
      .selectFrom('organization_month_dose')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .orderBy('calendar_month')
      .execute();
    return rows.map((r) => ({
      calendarMonth: r.calendar_month,
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
      engagements: Number(r.engagements),
    }));
  }

  /** Organization-wide dose per component per calendar month, from the organization-level rollup. */
  async organizationComponentsByCalendarMonth(): Promise<OrganizationComponentMonthDose[]> {
    const rows = await this.db
      .selectFrom('organization_component_month_dose')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .orderBy('calendar_month')
      .orderBy('component_id')
      .execute();
    return rows.map((r) => ({
      calendarMonth: r.calendar_month,
      componentId: r.component_id,
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
      activityUses: Number(r.activity_uses),
    }));
  }

  /** Every month of the relationship with contact, of one engagement or all, with its stored diversity (for `checkDerived`). */
  async relationshipMonths(
    engagementId?: string,
  ): Promise<(RelationshipMonthDose & { diversity: ComponentDiversity | null })[]> {
    let query = this.db
      .selectFrom('relationship_month_dose')
      .selectAll()
      .where('organization_id', '=', this.organizationId);
    if (engagementId) query = query.where('engagement_id', '=', engagementId);
    const rows = await query.orderBy('engagement_id').orderBy('relationship_month').execute();
    return rows.map((r) => ({
      engagementId: r.engagement_id,
      relationshipMonth: Number(r.relationship_month),
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
      diversity: storedDiversity(r),
    }));
  }

  /**
   * Interactions and component minutes per practitioner, component and calendar month, summed over the
   * organization's engagements: of some practitioners (null: all), in a period (`YYYY-MM`, inclusive).
   */
  async practitionerComponentMinutes(selection: {
    practitionerIds: readonly string[] | null;
    fromMonth?: string | undefined;
    toMonth?: string | undefined;
  }): Promise<
    { practitionerId: string; calendarMonth: string; componentId: string; interactions: number; minutes: number }[]
  > {
    if (selection.practitionerIds !== null && selection.practitionerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('practitioner_component_month')
      .select([
        'practitioner_id',
        'calendar_month',
        'component_id',
        sql<number>`sum(interactions)`.as('interactions'),
        sql<number>`sum(minutes)`.as('minutes'),
      ])
      .where('organization_id', '=', this.organizationId)
      .$if(selection.practitionerIds !== null, (q) => q.where('practitioner_id', 'in', selection.practitionerIds!))
      .$if(Boolean(selection.fromMonth), (q) => q.where('calendar_month', '>=', selection.fromMonth!))
      .$if(Boolean(selection.toMonth), (q) => q.where('calendar_month', '<=', selection.toMonth!))
      .groupBy(['practitioner_id', 'calendar_month', 'component_id'])
      .orderBy('practitioner_id')
      .orderBy('calendar_month')
      .orderBy('component_id')
      .execute();
    return rows.map((r) => ({
      practitionerId: r.practitioner_id,
      calendarMonth: r.calendar_month,
      componentId: r.component_id,
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
    }));
  }
}
