import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { PlannedActivity, PlannedEmphasis } from '../../domain/plans/schemas.ts';

/** A stage plan as plan versus actual reads it. */
export interface PlanOfStage {
  stageId: string;
  emphasis: readonly PlannedEmphasis[];
  activities: readonly PlannedActivity[];
}

/** Minutes logged in one calendar month for one component (the rollup rows, summed over relationship months). */
export interface LoggedComponentMonth {
  calendarMonth: string;
  componentId: string;
  minutes: number;
}

export interface ComponentPlanVersusActual {
  componentId: string;
  /** Minutes a month the plan of the month's stage sets for the component (0 when it plans none). */
  planned: number;
  logged: number;
}

/** Planned activities due in a month: done, dropped, still to come (due) or past their due date (overdue). */
export interface ActivityCounts {
  done: number;
  due: number;
  overdue: number;
  dropped: number;
}

export interface MonthPlanVersusActual {
  month: string;
  /** The stage the engagement was in at the end of the month, or null before its first stage. */
  stageId: string | null;
  /** Whether that stage has a plan. */
  planned: boolean;
  components: ComponentPlanVersusActual[];
  plannedMinutes: number;
  loggedMinutes: number;
  activities: ActivityCounts;
}

export interface PlanVersusActual {
  months: MonthPlanVersusActual[];
  /** Over every plan of the engagement, whatever the months shown. */
  activities: ActivityCounts;
}

const lastDayOf = (month: string): string => {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const noActivities = (): ActivityCounts => ({ done: 0, due: 0, overdue: 0, dropped: 0 });

function count(counts: ActivityCounts, activity: PlannedActivity, today: string): void {
  if (activity.status === 'done') counts.done += 1;
  else if (activity.status === 'dropped') counts.dropped += 1;
  else if (activity.dueDate < today) counts.overdue += 1;
  else counts.due += 1;
}

/**
 * Per calendar month, the minutes a month the plan of the engagement's stage sets for each component
 * against the minutes logged, and the planned activities due that month by status. The stage of a month
 * is the one in effect on its last day. Components appear when planned or logged, in plan order then id.
 */
export function planVersusActual(input: {
  months: readonly string[];
  stages: readonly { stageId: string; startedOn: string }[];
  plans: readonly PlanOfStage[];
  logged: readonly LoggedComponentMonth[];
  today: string;
}): PlanVersusActual {
  const planByStage = new Map(input.plans.map((plan) => [plan.stageId, plan]));
  const loggedByMonth = new Map<string, Map<string, number>>();
  for (const row of input.logged) {
    let month = loggedByMonth.get(row.calendarMonth);
    if (!month) loggedByMonth.set(row.calendarMonth, (month = new Map()));
    month.set(row.componentId, (month.get(row.componentId) ?? 0) + row.minutes);
  }
  const activitiesByMonth = new Map<string, ActivityCounts>();
  const total = noActivities();
  for (const plan of input.plans)
    for (const activity of plan.activities) {
      count(total, activity, input.today);
      const month = activity.dueDate.slice(0, 7);
      let counts = activitiesByMonth.get(month);
      if (!counts) activitiesByMonth.set(month, (counts = noActivities()));
      count(counts, activity, input.today);
    }

  const months = input.months.map((month): MonthPlanVersusActual => {
    const stageId = stageOn([...input.stages], lastDayOf(month));
    const plan = stageId === null ? undefined : planByStage.get(stageId);
    const logged = loggedByMonth.get(month) ?? new Map<string, number>();
    const components: ComponentPlanVersusActual[] = (plan?.emphasis ?? []).map((entry) => ({
      componentId: entry.componentId,
      planned: entry.minutesPerMonth,
      logged: logged.get(entry.componentId) ?? 0,
    }));
    const plannedIds = new Set(components.map((c) => c.componentId));
    for (const componentId of [...logged.keys()].filter((id) => !plannedIds.has(id)).sort())
      components.push({ componentId, planned: 0, logged: logged.get(componentId)! });
    let plannedMinutes = 0;
    let loggedMinutes = 0;
    for (const c of components) {
      plannedMinutes += c.planned;
      loggedMinutes += c.logged;
    }
    return {
      month,
      stageId,
      planned: plan !== undefined,
      components,
      plannedMinutes,
      loggedMinutes,
      activities: activitiesByMonth.get(month) ?? noActivities(),
    };
  });
  return { months, activities: total };
}
