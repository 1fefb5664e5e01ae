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

/**
 * Trajectory views of the given engagements within the filter's period, from their derived rows
 * (`tenant.slices`): dose per calendar month, per month of the relationship and component, per
 * engagement-month with its diversity, and the component minutes of the months of the relationship that
 * the period's edges cut.
 */
export async function descriptivesOf(
  tenant: TenantStore,
  engagements: Engagement[],
  filter: DescriptivesFilter,
  today: string,
) {
  const period = { fromMonth: filter.fromMonth, toMonth: filter.toMonth };
  const [slice, models] = await Promise.all([
    tenant.slices.of(engagements.map((e) => e.id)),
    modelsOf(tenant, engagements),
  ]);
  const relationshipMonths = slice.relationshipMonthsInPeriod(period);
  const edgeMonths = [...new Set(relationshipMonths.flatMap((m) => (m.partlyInside === null ? [] : [m.partlyInside])))];
  const vocabulary = vocabularyOf(models);
  const groupOf = new Map(vocabulary.components.map((c) => [c.id, c.group]));
  return {
    ...describeAggregated({
      engagements,
      calendarMonths: slice.calendarMonthTotals(period),
      relationshipMonths,
      diversity: diversityInPeriod(relationshipMonths, slice.componentMonthsIn(edgeMonths)),
      components: slice.componentTotalsInPeriod(period),
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

/** Mode mix, principle use and practice-activity use rates of the given engagements within the filter's period, from their derived rows. */
export async function practiceUseOf(tenant: TenantStore, engagements: Engagement[], filter: DescriptivesFilter) {
  const [slice, models] = await Promise.all([
    tenant.slices.of(engagements.map((e) => e.id)),
    modelsOf(tenant, engagements),
  ]);
  const vocabulary = vocabularyOf(models);
  const totals = slice.practiceTotals({ fromMonth: filter.fromMonth, toMonth: filter.toMonth });
  return { engagements: engagements.length, ...practiceUseFromTotals(totals, vocabulary), vocabulary };
}
