import { vocabularyOf } from '../../analysis/descriptives/vocabulary.ts';
import { practiceUseFromTotals } from '../../analysis/dose/practice-totals.ts';
import { buildEngagementReport } from '../../analysis/reports/engagement-report.ts';
import type { Report } from '../../analysis/reports/report.ts';
import type { Store } from '../../store/store.ts';
import { modelOf } from '../engagements/engagement-records.ts';
import { showPlanVersusActual } from '../plans/show-plan-versus-actual.ts';
import { engagementOutcomes } from '../measurement/outcomes.ts';
import { organizationName } from './report-records.ts';

/** How many of the latest interactions the engagement report lists. */
const recentInteractionCount = 10;

/**
 * The engagement report's content. Every read is bounded, as for the engagement page, not by the number
 * of interactions: the rollups, sums per mode and practice activity, the open next-step index, the latest
 * interactions, and the measurements.
 */
export async function engagementReport(
  store: Store,
  organizationId: string,
  engagementId: string,
  today: string,
): Promise<Report> {
  const tenant = store.tenant(organizationId);
  const engagement = await tenant.engagements.require(engagementId);
  const [
    organization,
    partner,
    model,
    engagementMonths,
    componentMonths,
    totals,
    nextSteps,
    recent,
    outcomes,
    planVersusActual,
  ] = await Promise.all([
    organizationName(store, organizationId),
    tenant.partners.find(engagement.partnerId, { includeDeleted: true }),
    modelOf(tenant, engagement.modelId, engagement.modelVersion),
    tenant.dose.engagementMonths(engagementId),
    tenant.dose.componentMonths(engagementId),
    tenant.slices.of([engagementId]).then((slice) => slice.practiceTotals({})),
    tenant.interactions.openNextSteps(engagementId),
    tenant.interactions.list({ engagementId }, recentInteractionCount),
    engagementOutcomes(tenant, engagementId),
    showPlanVersusActual(tenant, engagementId, today),
  ]);
  const vocabulary = vocabularyOf([model]);
  const practice = practiceUseFromTotals(totals, vocabulary);
  return buildEngagementReport({
    organization: { name: organization },
    engagement,
    partner: partner ?? null,
    vocabulary,
    engagementMonths,
    componentMonths,
    practice,
    nextSteps,
    recentInteractions: recent.items,
    outcomes: outcomes.series,
    planVersusActual,
    today,
  });
}
