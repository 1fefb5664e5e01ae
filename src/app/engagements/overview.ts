import {
  componentMixByRelationshipMonth,
  currentRelationshipMonth,
  doseByRelationshipMonth,
  openNextSteps,
  principleUse,
  thisMonthDose,
} from '../../analysis/dose/engagement-overview.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { EngagementOverview, OrganizationDashboard } from '../../domain/support/views.ts';
import type { TenantStore } from '../../store/store.ts';
import { modelOf } from './engagement-records.ts';

/** How many of the latest interactions the engagement page shows. */
const recentCount = 20;

/**
 * Everything the engagement page shows. Every read is bounded by what the page shows, not by the
 * engagement's history: the rollups, the latest interactions by index, the open next steps' index.
 */
export async function engagementOverview(
  tenant: TenantStore,
  engagementId: string,
  today: string,
): Promise<EngagementOverview> {
  const engagement = await tenant.engagements.require(engagementId);
  const model = await modelOf(tenant, engagement.modelId, engagement.modelVersion);
  const [partner, months, componentMonths, principleTotals, recent, nextSteps] = await Promise.all([
    tenant.partners.find(engagement.partnerId, { includeDeleted: true }),
    tenant.dose.engagementMonths(engagementId),
    tenant.dose.componentMonths(engagementId),
    tenant.dose.principleTotals(engagementId),
    tenant.interactions.list({ engagementId }, recentCount),
    tenant.interactions.openNextSteps(engagementId),
  ]);
  const month = currentRelationshipMonth(engagement.startDate, engagement.endDate, today);
  const lastMonthWithData = months.reduce((max, m) => Math.max(max, m.relationshipMonth), 0);
  return {
    engagement,
    partner: partner ?? null,
    model: {
      id: model.id,
      version: model.version,
      name: model.name,
      stages: model.stages.map((s) => ({
        id: s.id,
        name: s.name,
        emphasizes: s.emphasizes,
        exitCriteria: (s.exitCriteria ?? []).map((c) => ({ id: c.id, description: c.description })),
      })),
      componentGroups: model.componentGroups.map((g) => ({ id: g.id, name: g.name })),
      components: model.components.map((c) => ({
        id: c.id,
        name: c.name,
        group: c.group,
        activities: c.activities.map((a) => ({ id: a.id, label: a.label })),
      })),
      principles: model.principles.map((p) => ({ id: p.id, name: p.name })),
    },
    currentStageId: stageOn(engagement.stages, today),
    relationshipMonth: month,
    doseByRelationshipMonth: doseByRelationshipMonth(months, Math.max(month, lastMonthWithData)),
    thisMonth: thisMonthDose(months, engagement.startDate, today),
    componentMix: componentMixByRelationshipMonth(componentMonths, model),
    recentInteractions: recent.items,
    openNextSteps: openNextSteps(nextSteps, today),
    principles: principleUse(principleTotals, model),
    totals: {
      interactions: months.reduce((s, m) => s + m.interactions, 0),
      minutes: months.reduce((s, m) => s + m.minutes, 0),
    },
  };
}

/** The organization's dashboard figures: counts, and the organization-level rollups (a few rows per month). */
export async function organizationDashboard(tenant: TenantStore, today: string): Promise<OrganizationDashboard> {
  const [partners, engagements, byCalendarMonth, componentsByCalendarMonth] = await Promise.all([
    tenant.partners.count(),
    tenant.engagements.count(today),
    tenant.dose.organizationByCalendarMonth(),
    tenant.dose.organizationComponentsByCalendarMonth(),
  ]);
  return {
    counts: {
      partners,
      engagements: engagements.all,
      activeEngagements: engagements.active,
      interactions: byCalendarMonth.reduce((s, m) => s + m.interactions, 0),
      minutes: byCalendarMonth.reduce((s, m) => s + m.minutes, 0),
    },
    byCalendarMonth,
    componentsByCalendarMonth: componentsByCalendarMonth.map(
      ({ calendarMonth, componentId, interactions, minutes }) => ({
        calendarMonth,
        componentId,
        interactions,
        minutes,
      }),
    ),
  };
}
