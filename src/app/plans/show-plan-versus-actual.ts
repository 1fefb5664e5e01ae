import { planVersusActual, type PlanVersusActual } from '../../analysis/plans/plan-versus-actual.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { calendarMonth, shiftMonth } from '../../domain/support/months.ts';
import type { TenantStore } from '../../store/store.ts';

/** How many months one answer may span. */
export const PLAN_VERSUS_ACTUAL_MAX_MONTHS = 120;

/**
 * An engagement's plan versus actual, per calendar month from `from` to `to` (`YYYY-MM`; by default the
 * twelve months up to `today`'s, none before the engagement started). Logged minutes come from the
 * component rollup rows.
 */
export async function showPlanVersusActual(
  tenant: TenantStore,
  engagementId: string,
  today: string,
  range: { from?: string; to?: string } = {},
): Promise<PlanVersusActual & { engagementId: string; from: string; to: string }> {
  const engagement = await tenant.engagements.find(engagementId);
  if (!engagement) throw notFound('Engagement');
  const to = range.to ?? calendarMonth(today);
  const startMonth = calendarMonth(engagement.startDate);
  const defaultFrom = shiftMonth(to, -11);
  const from = range.from ?? (defaultFrom < startMonth ? startMonth : defaultFrom);
  if (from > to) throw invalid('The months are not valid', [{ path: 'from', message: `is after "to" (${to})` }]);
  const months: string[] = [];
  for (let month = from; month <= to; month = shiftMonth(month, 1)) {
    if (months.length === PLAN_VERSUS_ACTUAL_MAX_MONTHS)
      throw invalid('The months are not valid', [
        { path: 'from', message: `spans more than ${PLAN_VERSUS_ACTUAL_MAX_MONTHS} months` },
      ]);
    months.push(month);
  }
  const [plans, logged] = await Promise.all([
    tenant.stagePlans.list({ engagementIds: [engagementId] }),
    tenant.dose.componentMonths(engagementId),
  ]);
  return {
    engagementId,
    from,
    to,
    ...planVersusActual({ months, stages: engagement.stages, plans, logged, today }),
  };
}
