import { ListOf } from '../../domain/accounts/schemas.ts';
import { StagePlan } from '../../domain/plans/schemas.ts';
import type { StagePlanInput } from '../../domain/plans/schemas.ts';
import { PlanVersusActualView } from '../../domain/plans/views.ts';
import { Signal, StoredSignalSettings } from '../../domain/signals/schemas.ts';
import type { SignalSettings } from '../../domain/signals/schemas.ts';
import { apiGet, apiRequest, segment } from './client.ts';
import { queryString } from './support.ts';

/** Stage plans, plan versus actual and signals over HTTP. */

const orgPath = (orgId: string, rest: string): string => `/api/orgs/${segment(orgId)}/${rest}`;
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

export const listStagePlans = async (orgId: string, engagementId: string, signal?: AbortSignal): Promise<StagePlan[]> =>
  (await apiGet(engagementPath(orgId, engagementId, 'plans'), ListOf(StagePlan), signal)).items;

export const fetchStagePlan = (orgId: string, planId: string, signal?: AbortSignal): Promise<StagePlan> =>
  apiGet(orgPath(orgId, `plans/${segment(planId)}`), StagePlan, signal);

/** Creates the plan, or saves over `existing.version` (a stale version gets 409). */
export const saveStagePlan = (
  orgId: string,
  input: StagePlanInput,
  existing?: { id: string; version: number },
): Promise<StagePlan> =>
  existing
    ? apiRequest('PUT', orgPath(orgId, `plans/${segment(existing.id)}`), {
        body: { ...input, version: existing.version },
        schema: StagePlan,
      })
    : apiRequest('POST', orgPath(orgId, 'plans'), { body: input, schema: StagePlan });

export const deleteStagePlan = (orgId: string, planId: string, version: number): Promise<StagePlan> =>
  apiRequest('DELETE', orgPath(orgId, `plans/${segment(planId)}${queryString({ version })}`), { schema: StagePlan });

export const restoreStagePlan = (orgId: string, planId: string): Promise<StagePlan> =>
  apiRequest('POST', orgPath(orgId, `plans/${segment(planId)}/restore`), { schema: StagePlan });

export const fetchOrganizationSignals = async (orgId: string, signal?: AbortSignal): Promise<Signal[]> =>
  (await apiGet(orgPath(orgId, 'signals'), ListOf(Signal), signal)).items;

export const fetchSignalSettings = (orgId: string, signal?: AbortSignal): Promise<StoredSignalSettings> =>
  apiGet(orgPath(orgId, 'signal-settings'), StoredSignalSettings, signal);

export const saveSignalSettings = (
  orgId: string,
  settings: SignalSettings,
  version: number,
): Promise<StoredSignalSettings> =>
  apiRequest('PUT', orgPath(orgId, 'signal-settings'), { body: { settings, version }, schema: StoredSignalSettings });
