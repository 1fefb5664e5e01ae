import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, segment } from '../api/client.ts';

/** The analysis views over HTTP: descriptives from the rollups, practice use from the interactions, report links. */

export interface AnalysisFilter {
  engagementIds: string[];
  partnerId: string;
  region: string;
  ispId: string;
  stageId: string;
  /** Calendar months `YYYY-MM`, or empty. */
  from: string;
  to: string;
}

export const emptyFilter: AnalysisFilter = {
  engagementIds: [],
  partnerId: '',
  region: '',
  ispId: '',
  stageId: '',
  from: '',
  to: '',
};

/** The query string of a filter, set values only (`?` included when any is set). */
export function filterQuery(filter: AnalysisFilter, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const id of filter.engagementIds) search.append('engagementId', id);
  const single: [string, string][] = [
    ['partnerId', filter.partnerId],
    ['region', filter.region],
    ['ispId', filter.ispId],
    ['stageId', filter.stageId],
    ['from', filter.from],
    ['to', filter.to],
    ...Object.entries(extra),
  ];
  for (const [key, value] of single) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const Vocabulary = z.object({
  models: z.array(z.object({ id: z.string(), version: z.string(), name: z.string() })),
  componentGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  components: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      group: z.string(),
      activities: z.array(z.object({ id: z.string(), label: z.string() })),
    }),
  ),
  principles: z.array(z.object({ id: z.string(), name: z.string() })),
  stages: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

const nullableNumber = z.number().nullable();

export const Descriptives = z.object({
  engagements: z.number(),
  minimumEngagements: z.number(),
  totals: z.object({ interactions: z.number(), minutes: z.number() }),
  doseByCalendarMonth: z.array(
    z.object({ calendarMonth: z.string(), interactions: z.number(), minutes: z.number(), engagements: z.number() }),
  ),
  doseByRelationshipMonth: z.array(
    z.object({
      month: z.number(),
      engagements: z.number(),
      withContact: z.number(),
      mean: z.number(),
      median: z.number(),
      q1: z.number(),
      q3: z.number(),
    }),
  ),
  componentMix: z.array(
    z.object({ month: z.number(), totalMinutes: z.number(), shares: z.record(z.string(), z.number()) }),
  ),
  minutesByComponent: z.array(
    z.object({
      componentId: z.string(),
      group: z.string(),
      interactions: z.number(),
      minutes: z.number(),
      activityUses: z.number(),
    }),
  ),
  diversityByRelationshipMonth: z.array(
    z.object({
      month: z.number(),
      engagementMonths: z.number(),
      meanComponentsUsed: z.number(),
      meanEntropy: z.number(),
    }),
  ),
  earlyVersusLater: z.array(
    z.object({
      period: z.enum(['early', 'later']),
      engagementMonths: z.number(),
      meanComponentsUsed: nullableNumber,
      meanEntropy: nullableNumber,
    }),
  ),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), count: z.number() })),
  stageTiming: z.array(
    z.object({
      stageId: z.string(),
      engagements: z.number(),
      current: z.number(),
      medianStartMonth: nullableNumber,
      medianDaysCompleted: nullableNumber,
      completed: z.number(),
    }),
  ),
  methods: z.record(z.string(), z.string()),
  vocabulary: Vocabulary,
});
export type Descriptives = z.infer<typeof Descriptives>;

export const PracticeUse = z.object({
  engagements: z.number(),
  interactions: z.number(),
  modeMix: z.array(
    z.object({ mode: z.string(), interactions: z.number(), minutes: z.number(), share: nullableNumber }),
  ),
  principles: z.array(
    z.object({
      principleId: z.string(),
      interactions: z.number(),
      rate: nullableNumber,
      ratings: z.number(),
      meanRating: nullableNumber,
    }),
  ),
  activities: z.array(
    z.object({
      componentId: z.string(),
      activityId: z.string(),
      uses: z.number(),
      componentInteractions: z.number(),
      rate: nullableNumber,
    }),
  ),
});
export type PracticeUse = z.infer<typeof PracticeUse>;

const analysisPath = (orgId: string, view: string, filter: AnalysisFilter) =>
  `/api/orgs/${segment(orgId)}/analysis/${view}${filterQuery(filter)}`;

export function useDescriptives(orgId: string, filter: AnalysisFilter) {
  return useQuery({
    queryKey: ['orgs', orgId, 'analysis', 'descriptives', filter],
    queryFn: ({ signal }) => apiGet(analysisPath(orgId, 'descriptives', filter), Descriptives, signal),
  });
}

export function usePracticeUse(orgId: string, filter: AnalysisFilter) {
  return useQuery({
    queryKey: ['orgs', orgId, 'analysis', 'practice-use', filter],
    queryFn: ({ signal }) => apiGet(analysisPath(orgId, 'practice-use', filter), PracticeUse, signal),
  });
}

export type ReportFormat = 'html' | 'pdf';

export const engagementReportUrl = (orgId: string, engagementId: string, format: ReportFormat): string =>
  `/api/orgs/${segment(orgId)}/reports/engagements/${segment(engagementId)}?format=${format}`;

export const organizationReportUrl = (
  orgId: string,
  format: ReportFormat,
  filter: AnalysisFilter = emptyFilter,
): string => `/api/orgs/${segment(orgId)}/reports/organization${filterQuery(filter, { format })}`;
