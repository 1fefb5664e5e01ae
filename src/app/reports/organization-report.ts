import { outcomeSeries } from '../../analysis/outcomes/index.ts';
import { buildOrganizationReport } from '../../analysis/reports/organization-report.ts';
import type { Report } from '../../analysis/reports/report.ts';
import type { Store } from '../../store/store.ts';
import type { DescriptivesFilter } from '../analysis/descriptives.ts';
import { descriptivesOf, practiceUseOf, selectedEngagements } from '../analysis/descriptives.ts';
import { engagementsObservations } from '../measurement/observations.ts';
import { organizationName } from './report-records.ts';

/** The organization report's content for the selected engagements and period. */
export async function organizationReport(
  store: Store,
  organizationId: string,
  filter: DescriptivesFilter,
  today: string,
): Promise<Report> {
  const tenant = store.tenant(organizationId);
  const engagements = await selectedEngagements(tenant, filter, today);
  const [organization, descriptives, practice] = await Promise.all([
    organizationName(store, organizationId),
    descriptivesOf(tenant, engagements, filter, today),
    practiceUseOf(tenant, engagements, filter),
  ]);
  const { vocabulary, ...figures } = descriptives;
  const inPeriod = (date: string) =>
    (!filter.fromMonth || date.slice(0, 7) >= filter.fromMonth) &&
    (!filter.toMonth || date.slice(0, 7) <= filter.toMonth);
  const outcomes = (
    await engagementsObservations(
      tenant,
      engagements.map((e) => e.id),
    )
  ).map(({ outcomeWaves, observations }) =>
    outcomeSeries(outcomeWaves, observations).map((s) => ({ ...s, points: s.points.filter((p) => inPeriod(p.date)) })),
  );
  return buildOrganizationReport({
    organization: { name: organization },
    descriptives: figures,
    practice,
    vocabulary,
    outcomes,
    period: { from: filter.fromMonth ?? null, to: filter.toMonth ?? null },
    today,
  });
}
