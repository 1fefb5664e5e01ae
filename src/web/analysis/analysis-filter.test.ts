import { describe, expect, it } from 'vitest';
import { emptyFilter, filterQuery, organizationReportUrl } from './analysis-api.ts';
import { filterFromSearch, formatFigure, formatShare, searchFromFilter } from './analysis-filter.ts';

describe('analysis filter', () => {
  it('round-trips through the page address and leaves unset values out', () => {
    const filter = { ...emptyFilter, engagementIds: ['a', 'b'], region: 'North', from: '2024-01' };
    const search = searchFromFilter(filter);
    expect(search.toString()).toBe('engagement=a&engagement=b&region=North&from=2024-01');
    expect(filterFromSearch(search)).toEqual(filter);
    expect(filterFromSearch(new URLSearchParams('from=2024-13&to=soon'))).toEqual(emptyFilter);
  });

  it('becomes the API query, with the report format', () => {
    expect(filterQuery(emptyFilter)).toBe('');
    expect(filterQuery({ ...emptyFilter, engagementIds: ['a'], ispId: 'u1', to: '2024-06' })).toBe(
      '?engagementId=a&ispId=u1&to=2024-06',
    );
    expect(organizationReportUrl('org 1', 'pdf', { ...emptyFilter, stageId: 'install' })).toBe(
      '/api/orgs/org%201/reports/organization?stageId=install&format=pdf',
    );
  });

  it('shows a dash, never NaN, for missing figures', () => {
    expect([
      formatFigure(null),
      formatFigure(Number.NaN),
      formatShare(undefined),
      formatShare(Number.POSITIVE_INFINITY),
      formatShare(0.256),
    ]).toEqual(['—', '—', '—', '—', '26%']);
  });
});
