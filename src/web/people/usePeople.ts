import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listPeople } from '../api/support.ts';
import { queryKeys } from '../query-keys.ts';

/** The organization's members by name, and a lookup from user id to name. */
export function usePeople(orgId: string) {
  const people = useQuery({
    queryKey: queryKeys.people(orgId),
    queryFn: ({ signal }) => listPeople(orgId, signal),
    staleTime: 60_000,
  });
  const personName = useMemo(() => {
    const names = new Map((people.data ?? []).map((person) => [person.userId, person.name]));
    return (userId: string): string | undefined => names.get(userId);
  }, [people.data]);
  return { people, personName };
}
