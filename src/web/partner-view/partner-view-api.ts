import { useQuery } from '@tanstack/react-query';
import { PartnerEngagementView, PartnerEngagements } from '../../domain/partner-view/schemas.ts';
import { apiGet, segment } from '../api/client.ts';

/** The partner view over HTTP: a partner member's engagements, and one of them. */
const base = (orgId: string) => `/api/orgs/${segment(orgId)}/partner-view/engagements`;

export function usePartnerEngagements(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'partner-view'],
    queryFn: ({ signal }) => apiGet(base(orgId), PartnerEngagements, signal),
  });
}

export function usePartnerEngagement(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'partner-view', engagementId],
    queryFn: ({ signal }) => apiGet(`${base(orgId)}/${segment(engagementId)}`, PartnerEngagementView, signal),
  });
}

export const partnerEngagementPath = (orgId: string, engagementId: string): string =>
  `/orgs/${segment(orgId)}/our-engagements/${segment(engagementId)}`;
