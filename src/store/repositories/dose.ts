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
import type {
  OrganizationRelationshipComponentDose,
  RelationshipMonthDose,
} from '../../domain/support/relationship-dose.ts';
import { shiftMonth } from '../../domain/support/months.ts';
import type { Engine } from '../database.ts';
import { idGroups, ofOrganization, type Executor } from './executor.ts';

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

/** A month of an engagement's relationship as a period sees it (see `relationshipMonthsInPeriod`). */
export interface RelationshipMonthInPeriod {
  engagementId: string;
  relationshipMonth: number;
  /** Minutes in the period. */
  minutes: number;
  /** Of the whole month; null when it has no component rows. */
  diversity: ComponentDiversity | null;
  /** The calendar month of it inside the period, when the month also reaches outside; otherwise null. */
  partlyInside: string | null;
}

/** A component's minutes in an engagement's calendar month and month of the relationship. */
export type ComponentMonthMinutes = Pick<
  ComponentMonthDose,
  'engagementId' | 'calendarMonth' | 'relationshipMonth' | 'componentId' | 'minutes'
>;

/** Which engagements and calendar months (`YYYY-MM`, inclusive) a read covers. */
export interface PeriodSelection {
  /** Null: every engagement of the organization. */
  engagementIds: readonly string[] | null;
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
}

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
    private readonly engine: Engine,
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

  /** Interactions, minutes and engagements with contact per calendar month, over the given engagements and period, summed in the database. */
  async calendarMonthTotals(
    selection: PeriodSelection,
  ): Promise<{ calendarMonth: string; interactions: number; minutes: number; engagements: number }[]> {
    const byMonth = new Map<
      string,
      { calendarMonth: string; interactions: number; minutes: number; engagements: number }
    >();
    for (const ids of idGroups(selection.engagementIds)) {
      let query = this.db
        .selectFrom('engagement_month_dose')
        .select([
          'calendar_month',
          sql<number>`sum(interactions)`.as('interactions'),
          sql<number>`sum(minutes)`.as('minutes'),
          sql<number>`count(distinct engagement_id)`.as('engagements'),
        ])
        .where(ofOrganization(this.organizationId, ids))
        .$if(ids !== null, (q) => q.where('engagement_id', 'in', ids!));
      if (selection.fromMonth) query = query.where('calendar_month', '>=', selection.fromMonth);
      if (selection.toMonth) query = query.where('calendar_month', '<=', selection.toMonth);
      // Chunks hold different engagements, so their sums (and counts of engagements) add up.
      for (const r of await query.groupBy('calendar_month').execute()) {
        const slot = byMonth.get(r.calendar_month) ?? {
          calendarMonth: r.calendar_month,
          interactions: 0,
          minutes: 0,
          engagements: 0,
        };
        slot.interactions += Number(r.interactions);
        slot.minutes += Number(r.minutes);
        slot.engagements += Number(r.engagements);
        byMonth.set(r.calendar_month, slot);
      }
    }
    return [...byMonth.values()];
  }

  /**
   * Each month of the relationship of the given engagements with contact in the period: its minutes in
   * the period, the stored diversity of the whole month, and, when the month also reaches outside the
   * period, the one calendar month of it inside. Without a period these are the relationship-month rows
   * as stored; with one, the engagement-month rows of the period are summed in the database. No
   * component row is read.
   */
  async relationshipMonthsInPeriod(selection: PeriodSelection): Promise<RelationshipMonthInPeriod[]> {
    const result: RelationshipMonthInPeriod[] = [];
    const period = Boolean(selection.fromMonth || selection.toMonth);
    for (const ids of idGroups(selection.engagementIds)) {
      if (!period) {
        // One row per engagement, its months packed as JSON: building tens of thousands of result rows
        // costs several times more than one row per engagement and a JSON.parse of each (both engines
        // write floating-point numbers as text that reads back exactly).
        const packed =
          this.engine === 'postgres'
            ? sql<string>`json_agg(json_build_array(relationship_month, minutes, components_used, entropy, dominant_component))::text`
            : sql<string>`json_group_array(json_array(relationship_month, minutes, components_used, entropy, dominant_component))`;
        const rows = await this.db
          .selectFrom('relationship_month_dose')
          .select(['engagement_id', packed.as('months')])
          .where(ofOrganization(this.organizationId, ids))
          .$if(ids !== null, (q) => q.where('engagement_id', 'in', ids!))
          .groupBy('engagement_id')
          .execute();
        for (const { engagement_id: engagementId, months } of rows) {
          for (const [relationshipMonth, minutes, componentsUsed, entropy, dominantComponent] of JSON.parse(months) as [
            number,
            number,
            number,
            number,
            string | null,
          ][]) {
            result.push({
              engagementId,
              relationshipMonth,
              minutes,
              diversity: dominantComponent === null ? null : { componentsUsed, entropy, dominantComponent },
              partlyInside: null,
            });
          }
        }
        continue;
      }
      const inside = sql.join(
        [
          sql`1 = 1`,
          ...(selection.fromMonth ? [sql`m.calendar_month >= ${selection.fromMonth}`] : []),
          ...(selection.toMonth ? [sql`m.calendar_month <= ${selection.toMonth}`] : []),
        ],
        sql` and `,
      );
      // A month of the relationship cut by the period's edge has its other part in the neighbouring calendar month.
      const from = selection.fromMonth ? sql` and m.calendar_month >= ${shiftMonth(selection.fromMonth, -1)}` : sql``;
      const to = selection.toMonth ? sql` and m.calendar_month <= ${shiftMonth(selection.toMonth, 1)}` : sql``;
      const among = ids === null ? sql`` : sql` and m.engagement_id in (${sql.join(ids)})`;
      // Packed one row per engagement, as without a period: building every month as a result row costs more.
      const packed =
        this.engine === 'postgres'
          ? sql<string>`json_agg(json_build_array(relationship_month, minutes, inside, pieces, inside_month, components_used, entropy, dominant_component) order by relationship_month)::text`
          : sql<string>`json_group_array(json_array(relationship_month, minutes, inside, pieces, inside_month, components_used, entropy, dominant_component))`;
      const { rows } = await sql<{ engagement_id: string; months: string }>`
        select engagement_id, ${packed} as months from (
          select m.engagement_id, m.relationship_month,
            sum(case when ${inside} then m.minutes else 0 end) as minutes,
            sum(case when ${inside} then 1 else 0 end) as inside,
            count(*) as pieces,
            max(case when ${inside} then m.calendar_month end) as inside_month,
            max(r.components_used) as components_used, max(r.entropy) as entropy, max(r.dominant_component) as dominant_component
          from engagement_month_dose m
          join relationship_month_dose r on r.engagement_id = m.engagement_id and r.relationship_month = m.relationship_month
            and r.organization_id = m.organization_id
          where ${ofOrganization(this.organizationId, ids, 'm.organization_id')}${among}${from}${to}
          group by m.engagement_id, m.relationship_month
          having sum(case when ${inside} then 1 else 0 end) > 0
          order by m.engagement_id, m.relationship_month
        ) months
        group by engagement_id`.execute(this.db);
      for (const { engagement_id: engagementId, months } of rows) {
        for (const [
          relationshipMonth,
          minutes,
          insidePieces,
          pieces,
          insideMonth,
          componentsUsed,
          entropy,
          dominantComponent,
        ] of JSON.parse(months) as [number, number, number, number, string | null, number, number, string | null][]) {
          result.push({
            engagementId,
            relationshipMonth: Number(relationshipMonth),
            minutes: Number(minutes),
            diversity: storedDiversity({
              components_used: componentsUsed,
              entropy,
              dominant_component: dominantComponent,
            }),
            partlyInside: Number(insidePieces) < Number(pieces) ? (insideMonth ?? null) : null,
          });
        }
      }
    }
    return result;
  }

  /**
   * Dose per month of the relationship and component over the given engagements and period, summed in
   * the database: for the whole organization from its rows per calendar month, month of the relationship
   * and component (a few per month), otherwise from the engagements' rows.
   */
  async componentTotalsInPeriod(
    selection: PeriodSelection,
  ): Promise<
    { relationshipMonth: number; componentId: string; interactions: number; minutes: number; activityUses: number }[]
  > {
    const totals = new Map<
      string,
      { relationshipMonth: number; componentId: string; interactions: number; minutes: number; activityUses: number }
    >();
    for (const ids of idGroups(selection.engagementIds)) {
      const table = ids === null ? 'organization_calendar_component_dose' : 'component_month_dose';
      const among = ids === null ? sql`` : sql` and engagement_id in (${sql.join(ids)})`;
      const { rows } = await sql<{
        relationship_month: number;
        component_id: string;
        interactions: number;
        minutes: number;
        activity_uses: number;
      }>`select relationship_month, component_id,
          sum(interactions) as interactions, sum(minutes) as minutes, sum(activity_uses) as activity_uses
        from ${sql.table(table)}
        where ${ofOrganization(this.organizationId, ids)}${among}
          ${selection.fromMonth ? sql`and calendar_month >= ${selection.fromMonth}` : sql``}
          ${selection.toMonth ? sql`and calendar_month <= ${selection.toMonth}` : sql``}
        group by relationship_month, component_id
        order by relationship_month, component_id`.execute(this.db);
      for (const r of rows) {
        const key = `${Number(r.relationship_month)}|${r.component_id}`;
        const slot = totals.get(key) ?? {
          relationshipMonth: Number(r.relationship_month),
          componentId: r.component_id,
          interactions: 0,
          minutes: 0,
          activityUses: 0,
        };
        slot.interactions += Number(r.interactions);
        slot.minutes += Number(r.minutes);
        slot.activityUses += Number(r.activity_uses);
        totals.set(key, slot);
      }
    }
    return [...totals.values()];
  }

  /** The component minutes of the given engagements in the given calendar months (the edges of a period). */
  async componentMonthsIn(
    engagementIds: readonly string[] | null,
    calendarMonths: readonly string[],
  ): Promise<ComponentMonthMinutes[]> {
    const result: ComponentMonthMinutes[] = [];
    if (calendarMonths.length === 0) return result;
    for (const ids of idGroups(engagementIds)) {
      // Only the columns of the organization's covering index by calendar month: the rows are never visited.
      const rows = await this.db
        .selectFrom('component_month_dose')
        .select(['engagement_id', 'calendar_month', 'relationship_month', 'component_id', 'minutes'])
        .where(ofOrganization(this.organizationId, ids))
        .$if(ids !== null, (q) => q.where('engagement_id', 'in', ids!))
        .where('calendar_month', 'in', [...calendarMonths])
        .execute();
      for (const r of rows) {
        result.push({
          engagementId: r.engagement_id,
          calendarMonth: r.calendar_month,
          relationshipMonth: Number(r.relationship_month),
          componentId: r.component_id,
          minutes: Number(r.minutes),
        });
      }
    }
    return result;
  }

  /** The organization's dose per month of the relationship and component, from the organization-level rollup. */
  async organizationComponentsByRelationshipMonth(): Promise<OrganizationRelationshipComponentDose[]> {
    const rows = await this.db
      .selectFrom('organization_relationship_component_dose')
      .selectAll()
      .where('organization_id', '=', this.organizationId)
      .orderBy('relationship_month')
      .orderBy('component_id')
      .execute();
    return rows.map((r) => ({
      relationshipMonth: Number(r.relationship_month),
      componentId: r.component_id,
      interactions: Number(r.interactions),
      minutes: Number(r.minutes),
      activityUses: Number(r.activity_uses),
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
