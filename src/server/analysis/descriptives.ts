import { dominantTransitions, diversityByEngagementMonth, earlyVersusLater } from '../../analysis/descriptives/diversity.ts';
import { componentMixOverRelationship, doseByRelationshipMonthAcrossEngagements } from '../../analysis/descriptives/dose-trajectory.ts';
import { currentRelationshipMonth } from '../../analysis/dose/engagement-overview.ts';
import type { TenantStore } from '../../store/store.ts';
import { modelOf } from '../engagements/operations.ts';

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

export interface DescriptivesFilter {
  /** Calendar months `YYYY-MM`, inclusive. */
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  engagementIds?: string[] | undefined;
}

/**
 * The organization's trajectory views, from the rollups: dose by month of relationship across
 * engagements (mean, median, IQR), component and group mix over the relationship, diversity of use
 * (components used and Shannon entropy per engagement-month), early versus later, and transitions
 * between dominant components.
 */
export async function organizationDescriptives(tenant: TenantStore, filter: DescriptivesFilter, today: string) {
  let engagements = await tenant.engagements.list();
  if (filter.engagementIds) engagements = engagements.filter((e) => filter.engagementIds!.includes(e.id));
  const ids = new Set(engagements.map((e) => e.id));
  const inRange = (m: { engagementId: string; calendarMonth: string }) =>
    ids.has(m.engagementId) && (!filter.fromMonth || m.calendarMonth >= filter.fromMonth) && (!filter.toMonth || m.calendarMonth <= filter.toMonth);
  const [months, componentMonths] = await Promise.all([tenant.dose.engagementMonths(), tenant.dose.componentMonths()]);
  const engagementMonths = months.filter(inRange);
  const components = componentMonths.filter(inRange);
  const until = filter.toMonth && lastDayOf(filter.toMonth) < today ? lastDayOf(filter.toMonth) : today;
  const monthsReached = new Map(engagements.map((e) => [e.id, currentRelationshipMonth(e.startDate, e.endDate, until)]));

  const groupOfComponent = new Map<string, string>();
  for (const ref of new Set(engagements.map((e) => `${e.modelId}@${e.modelVersion}`))) {
    const [id, version] = ref.split('@') as [string, string];
    const model = await modelOf(tenant, id, version);
    for (const c of model.components) groupOfComponent.set(c.id, c.group);
  }
  const diversity = diversityByEngagementMonth(components);
  const byMonth = new Map<number, { n: number; components: number; entropy: number }>();
  for (const d of diversity) {
    const slot = byMonth.get(d.relationshipMonth) ?? { n: 0, components: 0, entropy: 0 };
    slot.n += 1;
    slot.components += d.componentsUsed;
    slot.entropy += d.entropy;
    byMonth.set(d.relationshipMonth, slot);
  }
  const totals = new Map<string, number>();
  for (const c of components) totals.set(c.componentId, (totals.get(c.componentId) ?? 0) + c.minutes);

  return {
    engagements: engagements.length,
    doseByRelationshipMonth: doseByRelationshipMonthAcrossEngagements(engagementMonths, monthsReached),
    componentMix: componentMixOverRelationship(components),
    groupMix: componentMixOverRelationship(components, (id) => groupOfComponent.get(id) ?? 'other'),
    minutesByComponent: [...totals.entries()].map(([componentId, minutes]) => ({ componentId, group: groupOfComponent.get(componentId) ?? 'other', minutes })).sort((a, b) => b.minutes - a.minutes),
    diversityByRelationshipMonth: [...byMonth.entries()].sort(([a], [b]) => a - b).map(([month, s]) => ({ month, engagementMonths: s.n, meanComponentsUsed: s.components / s.n, meanEntropy: s.entropy / s.n })),
    earlyVersusLater: earlyVersusLater(diversity),
    transitions: dominantTransitions(diversity).slice(0, 25),
    methods: {
      quantiles: 'R quantile(type = 7) (Hyndman & Fan 1996)',
      entropy: 'Shannon entropy, natural log (Shannon 1948)',
      dose: 'months without contact count as zero minutes for engagements that had reached the month',
    },
  };
}
