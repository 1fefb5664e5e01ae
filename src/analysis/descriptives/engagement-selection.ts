import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { Engagement, Partner } from '../../domain/support/schemas.ts';

/** Which engagements a descriptive view covers: every filter that is set must hold. */
export interface EngagementSelection {
  engagementIds?: readonly string[] | undefined;
  /** A partner (system, organization or team) and every partner below it. */
  partnerId?: string | undefined;
  region?: string | undefined;
  /** An implementation support practitioner on the support team. */
  ispId?: string | undefined;
  /** The stage the engagement is in on `today`. */
  stageId?: string | undefined;
}

/** The engagements matching a selection; partners give the hierarchy and regions. */
export function selectEngagements<E extends Pick<Engagement, 'id' | 'partnerId' | 'supportTeam' | 'stages'>>(
  engagements: readonly E[],
  partners: readonly Pick<Partner, 'id' | 'parentId' | 'region'>[],
  selection: EngagementSelection,
  today: string,
): E[] {
  const parentOf = new Map(partners.map((p) => [p.id, p.parentId]));
  const regionOf = new Map(partners.map((p) => [p.id, p.region]));
  const within = (partnerId: string, ancestorId: string): boolean => {
    const seen = new Set<string>();
    for (let id: string | null | undefined = partnerId; id && !seen.has(id); id = parentOf.get(id)) {
      if (id === ancestorId) return true;
      seen.add(id);
    }
    return false;
  };
  const ids = selection.engagementIds ? new Set(selection.engagementIds) : null;
  const region = selection.region?.trim().toLowerCase();
  return engagements.filter(
    (e) =>
      (!ids || ids.has(e.id)) &&
      (!selection.partnerId || within(e.partnerId, selection.partnerId)) &&
      (!region || (regionOf.get(e.partnerId) ?? '').trim().toLowerCase() === region) &&
      (!selection.ispId || e.supportTeam.includes(selection.ispId)) &&
      (!selection.stageId || stageOn(e.stages, today) === selection.stageId),
  );
}
