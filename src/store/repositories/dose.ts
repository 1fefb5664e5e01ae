import { sql } from 'kysely';
import {
  activityMonthKey,
  doseMonthKey,
  mergeContributions,
  modeMonthKey,
  organizationChange,
  type ActivityMonthUse,
  type ModeMonthUse,
  type OrganizationActivityMonthUse,
  type OrganizationModeMonthUse,
  type OrganizationPrincipleMonthUse,
  type ComponentMonthDose,
  type DoseContribution,
  type DoseRows,
  type EngagementMonthDose,
  type OrganizationComponentMonthDose,
  type OrganizationMonthDose,
  type PrincipleMonthUse,
} from '../../domain/support/rollups.ts';
import {
  diversityByRelationshipMonth,
  relationshipMonthKey,
  type ComponentDiversity,
} from '../../domain/support/diversity.ts';
import {
  relationshipMonthDoses,
  type OrganizationRelationshipComponentDose,
  type RelationshipMonthDose,
} from '../../domain/support/relationship-dose.ts';
import { shiftMonth } from '../../domain/support/months.ts';
import type { Engine } from '../database.ts';
import type { CommitScope } from '../commit-scope.ts';
import type { DatabaseSchema } from '../schema.ts';
import { idGroups, ofOrganization, type Executor } from './executor.ts';
import { OrganizationRollupChanges } from './organization-rollups.ts';
import { addToRowsPrepared, runPrepared } from './prepared.ts';

const monthKey = ['engagement_id', 'calendar_month', 'relationship_month'] as const;
const months = (rows: { calendarMonth: string }[]) => [...new Set(rows.map((r) => r.calendarMonth))];
const engagements = (rows: { engagementId: string }[]) => [...new Set(rows.map((r) => r.engagementId))];

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

/** Which engagements and calendar months (`YYYY-MM`, inclusive) a read covers. */
export interface PeriodSelection {
  /** Null: every engagement of the organization. */
  engagementIds: readonly string[] | null;
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
}

/**
 * Rows sorted by their key. PostgreSQL locks each row an upsert touches until the commit, so writers
 * that touch several of the same rows take those locks in one order, and the later one waits for the
 * earlier instead of each waiting for the other (a deadlock, which would fail one of the writes).
 */
function inKeyOrder<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  return rows
    .map((row) => ({ row, key: keyOf(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}

/**
 * The monthly dose and practice-use rollups of one organization, written with every interaction change
 * and read by the pages and the analysis: per engagement and calendar month (in total, per component,
 * principle, mode and practice activity), per engagement and month of the relationship (in total, with
 * the diversity of component use), and per organization (calendar month in total and per component,
 * mode, principle and activity; month of the relationship per component). `apply` is the one way to
 * change them, so they always agree. Organization-level changes wait for the commit when the
 * repository is bound to a transaction (see `OrganizationRollupChanges`).
 *
 * A change is computed from what its write read (the interaction's versions, the engagement's start
 * date and liveness, the stored rows `clearEngagement` negates), so the write must hold the locks of
 * the engagements it changes from before those reads (`EngagementRepository.lockForWrite`): then the
 * writes of one engagement change its rollups one after the other, each from the other's result.
 */
export class DoseRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
    private readonly engine: Engine,
    /** The transaction's scope, when the repository is bound to one: organization-level changes wait there for the commit. */
    private readonly scope?: CommitScope<DatabaseSchema>,
  ) {}

  /** Adds (or, with negative counts, subtracts) one interaction's contribution; rows that fall to zero disappear. */
  apply(contribution: DoseContribution): Promise<void> {
    return this.applyAll([contribution]);
  }

  /** Applies several contributions as one change (an edit's removal and addition, an import's monthly totals). */
  applyAll(contributions: Iterable<DoseContribution>): Promise<void> {
    return this.write(mergeContributions(contributions));
  }

  /** Drops an engagement's rollups, before they are rebuilt (its start date changed) or when it is deleted. */
  async clearEngagement(engagementId: string): Promise<void> {
    const negate = <T extends { interactions: number }>(rows: T[]): T[] =>
      rows.map((r) => {
        const copy: Record<string, unknown> = { ...r };
        for (const [field, value] of Object.entries(r))
          if (typeof value === 'number' && field !== 'relationshipMonth') copy[field] = -value;
        return copy as T;
      });
    await this.write({
      engagementMonths: negate(await this.engagementMonths(engagementId)),
      componentMonths: negate(await this.componentMonths(engagementId)),
      principleMonths: negate(await this.principleMonths(engagementId)),
      modeMonths: negate(await this.modeMonths(engagementId)),
      activityMonths: negate(await this.activityMonths(engagementId)),
    });
  }

  /** Adds engagement-level rows and what they change at organization level; then removes rows at zero. */
  private async write(change: DoseRows): Promise<void> {
    const org = this.organizationId;
    // Every writer upserts rows in key order (see `inKeyOrder`).
    const engagementChange = inKeyOrder(
      change.engagementMonths.filter((m) => m.interactions !== 0 || m.minutes !== 0),
      doseMonthKey,
    );
    const componentChange = inKeyOrder(change.componentMonths, (c) => `${doseMonthKey(c)}|${c.componentId}`);
    const principleChange = inKeyOrder(change.principleMonths, (p) => `${doseMonthKey(p)}|${p.principleId}`);
    const engagementsDelta = await this.writeEngagementMonths(engagementChange);
    const relationshipChange = relationshipMonthDoses(engagementChange);
    await addToRowsPrepared(
      this.db,
      'relationship_month_dose',
      relationshipChange.map((m) => ({
        organization_id: org,
        engagement_id: m.engagementId,
        relationship_month: m.relationshipMonth,
        interactions: m.interactions,
        minutes: m.minutes,
      })),
      ['engagement_id', 'relationship_month'],
      ['interactions', 'minutes'],
    );

    await addToRowsPrepared(
      this.db,
      'component_month_dose',
      componentChange.map((c) => ({
        organization_id: org,
        engagement_id: c.engagementId,
        calendar_month: c.calendarMonth,
        relationship_month: c.relationshipMonth,
        component_id: c.componentId,
        interactions: c.interactions,
        minutes: c.minutes,
        activity_uses: c.activityUses,
      })),
      [...monthKey, 'component_id'],
      ['interactions', 'minutes', 'activity_uses'],
    );
    await addToRowsPrepared(
      this.db,
      'principle_month_use',
      principleChange.map((p) => ({
        organization_id: org,
        engagement_id: p.engagementId,
        calendar_month: p.calendarMonth,
        relationship_month: p.relationshipMonth,
        principle_id: p.principleId,
        interactions: p.interactions,
        ratings: p.ratings,
        rating_sum: p.ratingSum,
      })),
      [...monthKey, 'principle_id'],
      ['interactions', 'ratings', 'rating_sum'],
    );

    const modeChange = inKeyOrder(change.modeMonths, modeMonthKey);
    await addToRowsPrepared(
      this.db,
      'mode_month_use',
      modeChange.map((m) => ({
        organization_id: org,
        engagement_id: m.engagementId,
        calendar_month: m.calendarMonth,
        mode: m.mode,
        interactions: m.interactions,
        minutes: m.minutes,
      })),
      ['engagement_id', 'calendar_month', 'mode'],
      ['interactions', 'minutes'],
    );
    const activityChange = inKeyOrder(change.activityMonths, activityMonthKey);
    await addToRowsPrepared(
      this.db,
      'activity_month_use',
      activityChange.map((a) => ({
        organization_id: org,
        engagement_id: a.engagementId,
        calendar_month: a.calendarMonth,
        component_id: a.componentId,
        activity_id: a.activityId,
        interactions: a.interactions,
      })),
      ['engagement_id', 'calendar_month', 'component_id', 'activity_id'],
      ['interactions'],
    );

    // Organization level: the same change summed (`organizationChange`); written at the end of this write,
    // or, in a transaction, once before its commit for every unit of work that shares it (`CommitScope`).
    const pending =
      this.scope?.pending('organization rollups', () => new OrganizationRollupChanges()) ??
      new OrganizationRollupChanges();
    pending.add(org, organizationChange(change, engagementsDelta));

    // Only a subtraction (or an empty sum) can leave a row at zero; an addition never leaves one to remove.
    const removes = <T extends { interactions: number }>(rows: T[]): T[] => rows.filter((r) => r.interactions <= 0);
    const perEngagement = [
      ['engagement_month_dose', removes(engagementChange)],
      ['component_month_dose', removes(componentChange)],
      ['principle_month_use', removes(principleChange)],
      ['mode_month_use', removes(modeChange)],
      ['activity_month_use', removes(activityChange)],
    ] as const;
    for (const [table, rows] of perEngagement) {
      if (rows.length === 0) continue;
      await this.db
        .deleteFrom(table)
        .where('engagement_id', 'in', engagements(rows))
        .where('calendar_month', 'in', months(rows))
        .where('interactions', '<=', 0)
        .execute();
    }
    const emptiedRelationshipMonths = removes(relationshipChange);
    if (emptiedRelationshipMonths.length > 0) {
      await this.db
        .deleteFrom('relationship_month_dose')
        .where('engagement_id', 'in', engagements(emptiedRelationshipMonths))
        .where('relationship_month', 'in', [...new Set(emptiedRelationshipMonths.map((r) => r.relationshipMonth))])
        .where('interactions', '<=', 0)
        .execute();
    }
    if (!this.scope) await pending.write(this.db);
    await this.writeDiversity([...change.engagementMonths, ...change.componentMonths]);
  }

  /**
   * Measures again the diversity of component use (components used, Shannon entropy, dominant
   * component) of every month of the relationship the change touched, from its component rows, and
   * stores it on the month's row. Entropy is not a sum, so it cannot be added to; a month of the
   * relationship spans at most two calendar months, so this reads a few rows by primary key (the
   * changed calendar month and its neighbours).
   */
  private async writeDiversity(
    changed: readonly { engagementId: string; calendarMonth: string; relationshipMonth: number }[],
  ): Promise<void> {
    const touched = new Map<string, { engagementId: string; relationshipMonth: number; calendarMonths: Set<string> }>();
    for (const m of changed) {
      const key = relationshipMonthKey(m);
      const slot = touched.get(key) ?? {
        engagementId: m.engagementId,
        relationshipMonth: m.relationshipMonth,
        calendarMonths: new Set<string>(),
      };
      for (const month of [shiftMonth(m.calendarMonth, -1), m.calendarMonth, shiftMonth(m.calendarMonth, 1)])
        slot.calendarMonths.add(month);
      touched.set(key, slot);
    }
    for (const key of [...touched.keys()].sort()) {
      const { engagementId, relationshipMonth, calendarMonths } = touched.get(key)!;
      const calendar = [...calendarMonths].sort();
      const inMonths = Object.fromEntries(calendar.map((month, i) => [`month.${i}`, month]));
      const monthStandIns = (value: (name: string) => unknown) => calendar.map((_, i) => value(`month.${i}`) as string);
      const { rows } = await runPrepared(
        this.db,
        `component minutes of a relationship month over ${calendar.length} calendar months`,
        (db, value) =>
          db
            .selectFrom('component_month_dose')
            .select(['component_id', 'minutes'])
            .where('engagement_id', '=', value('engagement') as string)
            .where('calendar_month', 'in', monthStandIns(value))
            .where('relationship_month', '=', value('month') as number),
        { engagement: engagementId, month: relationshipMonth, ...inMonths },
      );
      const diversity =
        diversityByRelationshipMonth(
          rows.map((r) => ({
            engagementId,
            relationshipMonth,
            componentId: r.component_id,
            minutes: Number(r.minutes),
          })),
        ).get(key) ?? null;
      await runPrepared(
        this.db,
        'diversity of a relationship month',
        (db, value) =>
          db
            .updateTable('relationship_month_dose')
            .set({
              components_used: value('used') as number,
              entropy: value('entropy') as number,
              dominant_component: value('dominant') as string | null,
            })
            .where('engagement_id', '=', value('engagement') as string)
            .where('relationship_month', '=', value('month') as number),
        {
          used: diversity?.componentsUsed ?? 0,
          entropy: diversity?.entropy ?? 0,
          dominant: diversity?.dominantComponent ?? null,
          engagement: engagementId,
          month: relationshipMonth,
        },
      );
    }
  }

  /**
   * Upserts engagement-month rows and returns, per calendar month, how the number of engagements with
   * an interaction in it changes. An engagement can hold two rows in one calendar month (two months of
   * the relationship meet in it), so when a row appears or vanishes the other rows of that engagement
   * and calendar month are read to decide whether the engagement itself appeared or vanished.
   */
  private async writeEngagementMonths(change: EngagementMonthDose[]): Promise<Map<string, number>> {
    const changeByKey = new Map(change.map((m) => [doseMonthKey(m), m]));
    const toggled = new Map<string, { engagementId: string; calendarMonth: string }>();
    const { rows: stored } = (await addToRowsPrepared(
      this.db,
      'engagement_month_dose',
      change.map((m) => ({
        organization_id: this.organizationId,
        engagement_id: m.engagementId,
        calendar_month: m.calendarMonth,
        relationship_month: m.relationshipMonth,
        interactions: m.interactions,
        minutes: m.minutes,
      })),
      [...monthKey],
      ['interactions', 'minutes'],
      ['engagement_id', 'calendar_month', 'relationship_month', 'interactions'],
    )) as {
      rows: { engagement_id: string; calendar_month: string; relationship_month: number; interactions: number }[];
    };
    for (const row of stored) {
      const after = Number(row.interactions);
      const before =
        after -
        changeByKey.get(`${row.engagement_id}|${row.calendar_month}|${Number(row.relationship_month)}`)!.interactions;
      if (before > 0 !== after > 0)
        toggled.set(`${row.engagement_id}|${row.calendar_month}`, {
          engagementId: row.engagement_id,
          calendarMonth: row.calendar_month,
        });
    }
    // Two writers could each add the first row of a different relationship month in one calendar month
    // and, alone, count the engagement twice; the writer holds the engagement's lock (see the class), so
    // the second waits for the first's commit and the read below sees its row.
    const delta = new Map<string, number>();
    for (const { engagementId, calendarMonth } of toggled.values()) {
      const rows = await this.db
        .selectFrom('engagement_month_dose')
        .select(['relationship_month', 'interactions'])
        .where('engagement_id', '=', engagementId)
        .where('calendar_month', '=', calendarMonth)
        .execute();
      const after = rows.some((r) => Number(r.interactions) > 0);
      const before = rows.some(
        (r) =>
          Number(r.interactions) -
            (changeByKey.get(`${engagementId}|${calendarMonth}|${Number(r.relationship_month)}`)?.interactions ?? 0) >
          0,
      );
      if (after !== before) delta.set(calendarMonth, (delta.get(calendarMonth) ?? 0) + (after ? 1 : -1));
    }
    return delta;
  }

  /** Minutes logged in one calendar month (`YYYY-MM`), by engagement, from the monthly rollup. */
  async minutesInMonth(calendarMonth: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('engagement_month_dose')
      .select(['engagement_id', 'minutes'])
      .where('organization_id', '=', this.organizationId)
      .where('calendar_month', '=', calendarMonth)
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

  /** The organization's mode, principle and activity use per calendar month, from the organization-level rollups (for `checkDose`). */
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

  /** Every month of the relationship with contact, of one engagement or all, with its stored diversity (for `checkDose`). */
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
      const { rows } = await sql<{
        engagement_id: string;
        relationship_month: number;
        minutes: number;
        inside: number;
        pieces: number;
        inside_month: string | null;
        components_used: number;
        entropy: number;
        dominant_component: string | null;
      }>`
        select m.engagement_id, m.relationship_month,
          sum(case when ${inside} then m.minutes else 0 end) as minutes,
          sum(case when ${inside} then 1 else 0 end) as inside,
          count(*) as pieces,
          max(case when ${inside} then m.calendar_month end) as inside_month,
          max(r.components_used) as components_used, max(r.entropy) as entropy, max(r.dominant_component) as dominant_component
        from engagement_month_dose m
        join relationship_month_dose r on r.engagement_id = m.engagement_id and r.relationship_month = m.relationship_month
        where ${ofOrganization(this.organizationId, ids, 'm.organization_id')}${among}${from}${to}
        group by m.engagement_id, m.relationship_month
        having sum(case when ${inside} then 1 else 0 end) > 0`.execute(this.db);
      for (const r of rows) {
        const partly = Number(r.inside) < Number(r.pieces);
        result.push({
          engagementId: r.engagement_id,
          relationshipMonth: Number(r.relationship_month),
          minutes: Number(r.minutes),
          diversity: storedDiversity(r),
          partlyInside: partly ? (r.inside_month ?? null) : null,
        });
      }
    }
    return result;
  }

  /** Dose per month of the relationship and component over the given engagements and period, summed in the database. */
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
      let query = this.db
        .selectFrom('component_month_dose')
        .select([
          'relationship_month',
          'component_id',
          sql<number>`sum(interactions)`.as('interactions'),
          sql<number>`sum(minutes)`.as('minutes'),
          sql<number>`sum(activity_uses)`.as('activity_uses'),
        ])
        .where(ofOrganization(this.organizationId, ids))
        .$if(ids !== null, (q) => q.where('engagement_id', 'in', ids!));
      if (selection.fromMonth) query = query.where('calendar_month', '>=', selection.fromMonth);
      if (selection.toMonth) query = query.where('calendar_month', '<=', selection.toMonth);
      for (const r of await query
        .groupBy(['relationship_month', 'component_id'])
        .orderBy('relationship_month')
        .orderBy('component_id')
        .execute()) {
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

  /** The component rows of the given engagements in the given calendar months (the edges of a period). */
  async componentMonthsIn(
    engagementIds: readonly string[] | null,
    calendarMonths: readonly string[],
  ): Promise<ComponentMonthDose[]> {
    const result: ComponentMonthDose[] = [];
    if (calendarMonths.length === 0) return result;
    for (const ids of idGroups(engagementIds)) {
      const rows = await this.db
        .selectFrom('component_month_dose')
        .selectAll()
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
          interactions: Number(r.interactions),
          minutes: Number(r.minutes),
          activityUses: Number(r.activity_uses),
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
}
