import { z } from 'zod';

/** Response shapes of plan versus actual, shared by the API and the web client. */

const MonthText = z.string().regex(/^\d{4}-\d{2}$/, 'must be a month YYYY-MM');
export const PlanMonth = MonthText;

export const ActivityCounts = z.object({
  done: z.number(),
  due: z.number(),
  overdue: z.number(),
  dropped: z.number(),
});

export const PlanVersusActualView = z.object({
  engagementId: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(
    z.object({
      month: z.string(),
      stageId: z.string().nullable(),
      planned: z.boolean(),
      components: z.array(z.object({ componentId: z.string(), planned: z.number(), logged: z.number() })),
      plannedMinutes: z.number(),
      loggedMinutes: z.number(),
      activities: ActivityCounts,
    }),
  ),
  activities: ActivityCounts,
});
export type PlanVersusActualView = z.infer<typeof PlanVersusActualView>;

/** The words of a month's planned activities: "2 done · 1 due · 1 overdue", or a dash when none fell due. */
export function activityWords(counts: z.infer<typeof ActivityCounts>): string {
  const parts = [
    counts.done ? `${counts.done} done` : '',
    counts.due ? `${counts.due} due` : '',
    counts.overdue ? `${counts.overdue} overdue` : '',
    counts.dropped ? `${counts.dropped} dropped` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : '—';
}
