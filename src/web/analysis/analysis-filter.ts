import type { AnalysisFilter } from './analysis-api.ts';

/** The analysis filter kept in the page's address, so a view can be bookmarked and shared. */
export function filterFromSearch(search: URLSearchParams): AnalysisFilter {
  const month = (value: string | null) => (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : '');
  return {
    engagementIds: search.getAll('engagement'),
    partnerId: search.get('partner') ?? '',
    region: search.get('region') ?? '',
    ispId: search.get('isp') ?? '',
    stageId: search.get('stage') ?? '',
    from: month(search.get('from')),
    to: month(search.get('to')),
  };
}

export function searchFromFilter(filter: AnalysisFilter): URLSearchParams {
  const search = new URLSearchParams();
  for (const id of filter.engagementIds) search.append('engagement', id);
  const single: [string, string][] = [
    ['partner', filter.partnerId],
    ['region', filter.region],
    ['isp', filter.ispId],
    ['stage', filter.stageId],
    ['from', filter.from],
    ['to', filter.to],
  ];
  for (const [key, value] of single) if (value) search.set(key, value);
  return search;
}

/** A number for the page: at most `digits` decimals; a dash, never NaN, when there is none. */
export function formatFigure(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A share 0–1 as a whole percentage; a dash when there is none. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}
