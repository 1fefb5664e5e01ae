import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTokenRequest } from '../../domain/accounts/schemas.ts';
import { createToken, listTokens, revokeToken } from '../api/tokens.ts';
import { queryKeys } from '../query-keys.ts';

export function useTokens(orgId: string) {
  return useQuery({ queryKey: queryKeys.tokens(orgId), queryFn: ({ signal }) => listTokens(orgId, signal) });
}

export function useCreateToken(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTokenRequest) => createToken(orgId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens(orgId) }),
  });
}

export function useRevokeToken(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => revokeToken(orgId, tokenId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens(orgId) }),
  });
}
