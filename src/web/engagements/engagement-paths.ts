import { organizationPath } from '../organizations/organization-paths.ts';

/** URLs of the support record's pages. */
export const engagementPath = (orgId: string, engagementId: string, rest = ''): string =>
  organizationPath(orgId, `engagements/${encodeURIComponent(engagementId)}${rest ? `/${rest}` : ''}`);
export const interactionPath = (orgId: string, interactionId: string, rest = ''): string =>
  organizationPath(orgId, `interactions/${encodeURIComponent(interactionId)}${rest ? `/${rest}` : ''}`);
export const partnerPath = (orgId: string, partnerId: string): string =>
  organizationPath(orgId, `partners/${encodeURIComponent(partnerId)}`);
export const interactionsListPath = (orgId: string, filter: Record<string, string> = {}): string => {
  const search = new URLSearchParams(filter).toString();
  return `${organizationPath(orgId, 'interactions')}${search ? `?${search}` : ''}`;
};
