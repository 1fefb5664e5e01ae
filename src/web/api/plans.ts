import { ListOf } from '../../domain/accounts/schemas.ts';
import { PlanVersusActualView } from '../../domain/plans/views.ts';
import { Signal } from '../../domain/signals/schemas.ts';
import { apiGet, apiRequest, segment } from './client.ts';

/** Stage plans, plan versus actual and signals over HTTP. */

const engagementPath = (orgId: string, engagementId: string, rest: string): string =>
  `/api/orgs/${segment(orgId)}/engagements/${segment(engagementId)}/${rest}`;

export const fetchPlanVersusActual = (
  orgId: string,
  engagementId: string,
  signal?: AbortSignal,
): Promise<PlanVersusActualView> =>
  apiGet(engagementPath(orgId, engagementId, 'plan-vs-actual'), PlanVersusActualView, signal);

export const fetchEngagementSignals = async (
  orgId: string,
  engagementId: string,
  signal?: AbortSignal,
): Promise<Signal[]> => (await apiGet(engagementPath(orgId, engagementId, 'signals'), ListOf(Signal), signal)).items;

export const acknowledgeSignal = (orgId: string, engagementId: string, key: string, note: string): Promise<void> =>
  apiRequest('POST', engagementPath(orgId, engagementId, 'signals/acknowledgements'), { body: { key, note } });
