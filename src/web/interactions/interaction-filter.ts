import type { InteractionFilter } from '../api/support.ts';

/** The list's filters live in the URL, so a filtered list can be linked to and survives a reload. */
const filterKeys = ['engagementId', 'partnerId', 'loggedBy', 'from', 'to', 'componentId', 'stageId'] as const;
export type FilterKey = (typeof filterKeys)[number];

export function filterFromSearch(search: URLSearchParams): InteractionFilter {
  const filter: InteractionFilter = {};
  for (const key of filterKeys) {
    const value = search.get(key);
    if (value) filter[key] = value;
  }
  if (search.get('includeDeleted') === 'true') filter.includeDeleted = true;
  return filter;
}

export function searchWithFilter(
  search: URLSearchParams,
  key: FilterKey | 'includeDeleted',
  value: string | null,
): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value === null || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}
