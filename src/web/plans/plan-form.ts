import type { PlannedActivityStatus, StagePlan, StagePlanInput } from '../../domain/plans/schemas.ts';
import { fieldWords, plainMessage } from '../forms/plain-message.ts';

/** A stage plan as its form holds it: every field as typed, numbers possibly blank. */
export interface PlanFormValues {
  goals: { text: string; indicator: string; targetDate: string }[];
  emphasis: { componentId: string; minutesPerMonth: number | '' }[];
  activities: {
    /** `componentId/activityId` of a practice activity, or '' for a free-text activity. */
    activityKey: string;
    text: string;
    ownerId: string;
    dueDate: string;
    status: PlannedActivityStatus;
  }[];
}

export const emptyGoal = (): PlanFormValues['goals'][number] => ({ text: '', indicator: '', targetDate: '' });
export const emptyEmphasis = (): PlanFormValues['emphasis'][number] => ({ componentId: '', minutesPerMonth: '' });
export const emptyActivity = (ownerId: string): PlanFormValues['activities'][number] => ({
  activityKey: '',
  text: '',
  ownerId,
  dueDate: '',
  status: 'planned',
});

/** A new plan starts with one goal to fill and the stage's emphasized components, minutes left blank. */
export function newPlanForm(emphasizedComponentIds: readonly string[]): PlanFormValues {
  return {
    goals: [emptyGoal()],
    emphasis: emphasizedComponentIds.map((componentId) => ({ componentId, minutesPerMonth: '' })),
    activities: [],
  };
}

export function formFromPlan(plan: Pick<StagePlan, 'goals' | 'emphasis' | 'activities'>): PlanFormValues {
  return {
    goals: plan.goals.map((goal) => ({ ...goal })),
    emphasis: plan.emphasis.map((entry) => ({ ...entry })),
    activities: plan.activities.map((activity) => ({ ...activity, activityKey: activity.activityKey ?? '' })),
  };
}

/**
 * The request body for the form's values. Blank entries stay in place (a blank date as missing, a blank
 * number as missing) so the schema names the very row and field to fix rather than dropping what was typed.
 */
export function planInputOf(values: PlanFormValues, engagementId: string, stageId: string): unknown {
  const blankToMissing = <T>(value: T | ''): T | undefined => (value === '' ? undefined : value);
  return {
    engagementId,
    stageId,
    goals: values.goals.map((goal) => ({ ...goal, targetDate: blankToMissing(goal.targetDate) })),
    emphasis: values.emphasis.map((entry) => ({
      componentId: entry.componentId,
      minutesPerMonth: blankToMissing(entry.minutesPerMonth),
    })),
    activities: values.activities.map((activity) => ({
      activityKey: activity.activityKey === '' ? null : activity.activityKey,
      text: activity.text,
      ownerId: activity.ownerId,
      dueDate: blankToMissing(activity.dueDate),
      status: activity.status,
    })),
  } satisfies Record<keyof StagePlanInput, unknown>;
}

/** A schema or server path in the form's spelling: `goals[0].targetDate` and `goals.0.targetDate` are both `goals.0.targetDate`. */
export const planFieldKey = (path: string): string =>
  path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^body\./, '')
    .replace(/^\./, '');

const wordsByField: Record<string, string> = {
  'goals.text': 'goal',
  'goals.indicator': 'indicator',
  'goals.targetDate': 'target date',
  'emphasis.componentId': 'component',
  'emphasis.minutesPerMonth': 'number of minutes',
  'activities.activityKey': 'activity',
  'activities.text': 'activity',
  'activities.ownerId': 'owner',
  'activities.dueDate': 'due date',
  'activities.status': 'status',
};

/** The form's fields a message can sit beside. */
const placeable =
  /^(goals\.\d+\.(text|indicator|targetDate)|emphasis\.\d+\.(componentId|minutesPerMonth)|activities\.\d+\.(activityKey|text|ownerId|dueDate|status))$/;

export type PlanFormErrors = Record<string, string>;

/**
 * Problems spread over the form: each beside the row and field it names (`goals.1.targetDate`), in plain
 * words; anything else (a whole list, the stage) under `form`, still naming what it is about.
 */
export function planFormErrors(problems: ReadonlyArray<{ path: string; message: string }>): PlanFormErrors {
  const errors: PlanFormErrors = {};
  const unplaced: string[] = [];
  for (const problem of problems) {
    const key = planFieldKey(problem.path);
    const words = wordsByField[key.replace(/\.\d+\./, '.')] ?? fieldWords(key || 'plan');
    const sentence = plainMessage(words, problem.message);
    if (placeable.test(key)) errors[key] ??= sentence;
    else unplaced.push(sentence);
  }
  if (unplaced.length > 0) errors.form = [...new Set(unplaced)].join(' ');
  return errors;
}
