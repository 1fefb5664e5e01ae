import type { EngagementSelection } from '../../analysis/descriptives/engagement-selection.ts';
import { selectEngagements } from '../../analysis/descriptives/engagement-selection.ts';
import { diversityInPeriod } from '../../analysis/descriptives/diversity.ts';
import { describeAggregated } from '../../analysis/descriptives/organization-descriptives.ts';
import { practiceUseFromTotals } from '../../analysis/dose/practice-totals.ts';
import { vocabularyOf } from '../../analysis/descriptives/vocabulary.ts';
import type { Engagement } from '../../domain/support/schemas.ts';
import type { PracticeModel } from '../../model/schema.ts';
import type { TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/engagement-records.ts';

export interface DescriptivesFilter extends EngagementSelection {
  /** Calendar months `YYYY-MM`, inclusive. */
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
}

/** The practice models of a set of engagements, the most used first. */
export async function modelsOf(tenant: TenantStore, engagements: readonly Engagement[]): Promise<PracticeModel[]> {
  const uses = new Map<string, number>();
  for (const e of engagements)
    uses.set(`${e.modelId}@${e.modelVersion}`, (uses.get(`${e.modelId}@${e.modelVersion}`) ?? 0) + 1);
  const refs = [...uses.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([ref]) => ref.split('@') as [string, string]);
  return Promise.all(refs.map(([id, version]) => modelOf(tenant, id, version)));
}

/** The organization's engagements that match the filter. */
export async function selectedEngagements(
  tenant: TenantStore,
  filter: DescriptivesFilter,
  today: string,
): Promise<Engagement[]> {
  // Partners give the hierarchy and regions: read them only when the filter asks for either.
  const needsPartners = Boolean(filter.partnerId || filter.region);
  const [engagements, partners] = await Promise.all([
    tenant.engagements.list(),
    needsPartners ? tenant.partners.list({ includeDeleted: true }) : [],
  ]);
  return selectEngagements(engagements, partners, filter, today);
}

/** The organization's trajectory views for the selected engagements, from the rollups only. */
export async function organizationDescriptives(tenant: TenantStore, filter: DescriptivesFilter, today: string) {
  return descriptivesOf(tenant, await selectedEngagements(tenant, filter, today), filter, today);
}

/** True when the filter selects every engagement of the organization (it may still limit the period). */
const selectsWholeOrganization = (filter: DescriptivesFilter): boolean =>
  !filter.engagementIds && !filter.partnerId && !filter.region && !filter.ispId && !filter.stageId;

/**
 * Trajectory views of the given engagements within the filter's period, from the rollups: for the whole
 * organization the organization-level ones (per calendar month; per month of the relationship and
 * component), otherwise sums made in the database over the selected engagements' rollups; and per
 * engagement-month its minutes and stored diversity. Component rows are read only for the months of the
 * relationship that the period's edges cut.
 */
export async function descriptivesOf(
  tenant: TenantStore,
  engagements: Engagement[],
  filter: DescriptivesFilter,
  today: string,
) {
  const whole = selectsWholeOrganization(filter);
  const inPeriod = (month: string) =>
    (!filter.fromMonth || month >= filter.fromMonth) && (!filter.toMonth || month <= filter.toMonth);
  const selection = {
    engagementIds: whole ? null : engagements.map((e) => e.id),
    fromMonth: filter.fromMonth,
    toMonth: filter.toMonth,
  };
  const calendarMonths = whole
    ? (await tenant.dose.organizationByCalendarMonth()).filter((m) => inPeriod(m.calendarMonth))
    : await tenant.dose.calendarMonthTotals(selection);
  const components =
    whole && !filter.fromMonth && !filter.toMonth
      ? await tenant.dose.organizationComponentsByRelationshipMonth()
      : await tenant.dose.componentTotalsInPeriod(selection);
  const relationshipMonths = await tenant.dose.relationshipMonthsInPeriod(selection);
  const edgeMonths = [...new Set(relationshipMonths.flatMap((m) => (m.partlyInside === null ? [] : [m.partlyInside])))];
  const edgeComponents =
    edgeMonths.length > 0 ? await tenant.dose.componentMonthsIn(selection.engagementIds, edgeMonths) : [];
  const vocabulary = vocabularyOf(await modelsOf(tenant, engagements));
  const groupOf = new Map(vocabulary.components.map((c) => [c.id, c.group]));
  return {
    ...describeAggregated({
      engagements,
      calendarMonths,
      relationshipMonths,
      diversity: diversityInPeriod(relationshipMonths, edgeComponents),
      components,
      toMonth: filter.toMonth,
      groupOf: (id) => groupOf.get(id) ?? 'other',
      stageOrder: vocabulary.stages.map((s) => s.id),
      today,
    }),
    vocabulary,
  };
}

/** Mode mix, principle use and practice-activity use rates of the selected engagements. */
export async function organizationPracticeUse(tenant: TenantStore, filter: DescriptivesFilter, today: string) {
  return practiceUseOf(tenant, await selectedEngagements(tenant, filter, today), filter);
}

/**
 * Mode mix, principle use and practice-activity use rates of the given engagements within the filter's
 * period, from the rollups: the organization-level ones when the filter selects every engagement.
 */
export async function practiceUseOf(tenant: TenantStore, engagements: Engagement[], filter: DescriptivesFilter) {
  const engagementIds = selectsWholeOrganization(filter) ? null : engagements.map((e) => e.id);
  const [totals, models] = await Promise.all([
    tenant.practiceTotals.totals({ engagementIds, fromMonth: filter.fromMonth, toMonth: filter.toMonth }),
    modelsOf(tenant, engagements),
  ]);
  const vocabulary = vocabularyOf(models);
  return { engagements: engagements.length, ...practiceUseFromTotals(totals, vocabulary), vocabulary };
}
