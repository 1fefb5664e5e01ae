import { relationshipMonthStart } from '../domain/support/months.ts';
import { addDays, daysBetween, earlier, nearestWorkingDay } from './calendar.ts';
import type { DemoEngagement } from './dataset.ts';
import type { Random } from './random.ts';

/**
 * When support happens: how many interactions each engagement has in each month of its relationship,
 * and on which days. Contact is frequent in the first months and settles to about one a month; the
 * whole network also contacts partners less as the initiative matures. The total is fixed exactly, so
 * that the demo always holds the number of interactions asked for.
 */

export interface ScheduledInteraction {
  engagement: DemoEngagement;
  date: string;
  relationshipMonth: number;
}

export interface ScheduleWindow {
  start: string;
  end: string;
  /** The stage in which support fades (the model's last, when it has more than one), or null. */
  fadingStageId: string | null;
}

interface EngagementMonth {
  engagement: DemoEngagement;
  relationshipMonth: number;
  from: string;
  to: string;
  intensity: number;
}

/** Expected contacts in a month of the relationship, before scaling to the total: about two at first, under one later. */
const contactsInMonth = (month: number): number => 0.75 + 1.1 * Math.exp(-(month - 1) / 8);

/** Network-wide decline of contact as the initiative matures, per year since the demo began. */
const networkMaturity = (windowStart: string, date: string): number =>
  Math.exp((-0.12 * daysBetween(windowStart, date)) / 365.25);

/** Months without any contact (leave, turnover, a partner's busy season) once the relationship is under way. */
const GAP_MONTH_CHANCE = 0.1;

function engagementMonths(random: Random, engagement: DemoEngagement, window: ScheduleWindow): EngagementMonth[] {
  const { start: windowStart, end: windowEnd, fadingStageId } = window;
  const lastDay = earlier(engagement.endDate ?? windowEnd, windowEnd);
  // Engagements differ in how much support they ask for.
  const appetite = random.between(0.7, 1.3);
  const fadingFrom =
    fadingStageId === null ? undefined : engagement.stages.find((s) => s.stageId === fadingStageId)?.startedOn;
  const months: EngagementMonth[] = [];
  let from = engagement.startDate;
  for (let month = 1; from <= lastDay; month++) {
    const next = relationshipMonthStart(engagement.startDate, month + 1);
    const monthEnd = addDays(next, -1);
    const to = earlier(monthEnd, lastDay);
    const covered = (daysBetween(from, to) + 1) / (daysBetween(from, monthEnd) + 1);
    const gap = month > 3 && random.chance(GAP_MONTH_CHANCE);
    // Support fades once the partner regulates implementation itself (the model's last stage).
    const fading = fadingFrom !== undefined && from >= fadingFrom ? 0.7 : 1;
    const intensity = gap
      ? 0
      : contactsInMonth(month) *
        networkMaturity(windowStart, from) *
        appetite *
        fading *
        covered *
        random.between(0.75, 1.25);
    months.push({ engagement, relationshipMonth: month, from, to, intensity });
    from = next;
  }
  return months;
}

/**
 * Schedules exactly `total` interactions over the engagements. Counts per month follow the expected
 * intensity by systematic sampling: one random offset, then one interaction at every unit of
 * accumulated intensity. The total is exact and each month's count is within one of its expectation.
 */
export function scheduleInteractions(
  random: Random,
  engagements: readonly DemoEngagement[],
  window: ScheduleWindow,
  total: number,
): ScheduledInteraction[] {
  const months = engagements.flatMap((engagement) => engagementMonths(random, engagement, window));
  const intensity = months.reduce((sum, m) => sum + m.intensity, 0);
  if (intensity <= 0 || total <= 0) return [];

  const scheduled: ScheduledInteraction[] = [];
  const offset = random.next();
  let accumulated = 0;
  let drawn = 0;
  for (const month of months) {
    accumulated += month.intensity;
    // Scaling the running sum (not each month) makes the last position exactly offset + total.
    const reached = Math.floor(offset + total * (accumulated / intensity));
    const count = reached - drawn;
    drawn = reached;
    const days = daysBetween(month.from, month.to);
    const dates = Array.from({ length: count }, () =>
      nearestWorkingDay(addDays(month.from, random.int(0, days)), month.from, month.to),
    ).sort();
    for (const date of dates)
      scheduled.push({ engagement: month.engagement, date, relationshipMonth: month.relationshipMonth });
  }
  return scheduled;
}
