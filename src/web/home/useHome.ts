import { useQuery } from '@tanstack/react-query';
import { fetchHome } from '../api/home.ts';
import { queryKeys } from '../query-keys.ts';

export function useHome(orgId: string) {
  return useQuery({ queryKey: queryKeys.home(orgId), queryFn: ({ signal }) => fetchHome(orgId, signal) });
}
