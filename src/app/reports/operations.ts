import { outcomeSeries } from '../../analysis/outcomes/index.ts';
import { vocabularyOf } from '../../analysis/descriptives/vocabulary.ts';
import { practiceUseFromTotals } from '../../analysis/dose/practice-totals.ts';
import { buildEngagementReport } from '../../analysis/reports/engagement-report.ts';
import { buildOrganizationReport } from '../../analysis/reports/organization-report.ts';
import type { Report } from '../../analysis/reports/report.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { DescriptivesFilter } from '../analysis/descriptives.ts';
import { descriptivesOf, practiceUseOf, selectedEngagements } from '../analysis/descriptives.ts';
import { modelOf } from '../engagements/operations.ts';
import { engagementOutcomes } from '../measurement/outcomes.ts';
import { engagementsObservations } from '../measurement/observations.ts';

export const reportFormats = ['html', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

async function organizationName(store: Store, organizationId: string): Promise<string> {
  const organization = await store.organizations.findById(organizationId);
  if (!organization) throw notFound('Organization');
  return organization.name;
}

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
  const [organization, partner, model, engagementMonths, componentMonths, totals, nextSteps, recent, outcomes] =
    await Promise.all([
      organizationName(store, organizationId),
      tenant.partners.find(engagement.partnerId, { includeDeleted: true }),
      modelOf(tenant, engagement.modelId, engagement.modelVersion),
      tenant.dose.engagementMonths(engagementId),
      tenant.dose.componentMonths(engagementId),
      tenant.practiceTotals.totals({ engagementIds: [engagementId] }),
      tenant.interactions.openNextSteps(engagementId),
      tenant.interactions.list({ engagementId }, recentInteractionCount),
      engagementOutcomes(tenant, engagementId),
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
    today,
  });
}

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

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'report';

/** A report rendered in the chosen format, with its content type and a file name for downloads. */
export async function renderReport(report: Report, format: ReportFormat): Promise<RenderedReport> {
  const base = `${report.kind}-report-${slug(report.header.engagement ?? report.header.organization)}-${report.header.generatedOn}`;
  // The renderers (ECharts for the charts, PDFKit) load with the first report, not with the server or the CLI.
  if (format === 'pdf') {
    const { renderReportPdf } = await import('./render-pdf.ts');
    return { body: await renderReportPdf(report), contentType: 'application/pdf', fileName: `${base}.pdf` };
  }
  const { renderReportHtml } = await import('./render-html.ts');
  return { body: renderReportHtml(report), contentType: 'text/html; charset=utf-8', fileName: `${base}.html` };
}
