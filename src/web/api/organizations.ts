import { ListOf, OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import type { CreateOrganizationRequest } from '../../domain/accounts/schemas.ts';
import { apiGet, apiRequest, segment } from './client.ts';

const OrganizationList = ListOf(OrganizationWithRole);

export const listOrganizations = async (signal?: AbortSignal): Promise<OrganizationWithRole[]> =>
  (await apiGet('/api/orgs', OrganizationList, signal)).items;

export const fetchOrganization = (orgId: string, signal?: AbortSignal): Promise<OrganizationWithRole> =>
  apiGet(`/api/orgs/${segment(orgId)}`, OrganizationWithRole, signal);

export const createOrganization = (request: CreateOrganizationRequest): Promise<OrganizationWithRole> =>
  apiRequest('POST', '/api/orgs', { body: request, schema: OrganizationWithRole });
