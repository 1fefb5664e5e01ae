import { engagementPath } from '../engagements/engagement-paths.ts';
import { organizationPath } from '../organizations/organization-paths.ts';

export const instrumentsPath = (orgId: string): string => organizationPath(orgId, 'instruments');
export const instrumentPath = (orgId: string, instrumentId: string, version?: string): string =>
  organizationPath(
    orgId,
    `instruments/${encodeURIComponent(instrumentId)}${version ? `?version=${encodeURIComponent(version)}` : ''}`,
  );
export const measurementPath = (orgId: string, engagementId: string): string =>
  engagementPath(orgId, engagementId, 'measurement');
