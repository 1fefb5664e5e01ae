import { ApiToken, CreatedToken, ListOf } from '../../domain/accounts/schemas.ts';
import type { CreateTokenRequest } from '../../domain/accounts/schemas.ts';
import { apiGet, apiRequest, segment } from './client.ts';

const ApiTokenList = ListOf(ApiToken);
const tokensPath = (orgId: string): string => `/api/orgs/${segment(orgId)}/tokens`;

export const listTokens = async (orgId: string, signal?: AbortSignal): Promise<ApiToken[]> =>
  (await apiGet(tokensPath(orgId), ApiTokenList, signal)).items;

export const createToken = (orgId: string, request: CreateTokenRequest): Promise<CreatedToken> =>
  apiRequest('POST', tokensPath(orgId), { body: request, schema: CreatedToken });

export const revokeToken = (orgId: string, tokenId: string): Promise<void> =>
  apiRequest('DELETE', `${tokensPath(orgId)}/${segment(tokenId)}`);
