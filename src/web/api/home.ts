import { Home } from '../../domain/home/views.ts';
import { apiGet, segment } from './client.ts';

/** The home page of the signed-in person's role in an organization. */
export const fetchHome = (orgId: string, signal?: AbortSignal): Promise<Home> =>
  apiGet(`/api/orgs/${segment(orgId)}/home`, Home, signal);
