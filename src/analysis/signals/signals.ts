import { calendarMonth, relationshipMonth, shiftMonth } from '../../domain/support/months.ts';
import { stageOn } from '../../domain/support/interaction-rules.ts';
import type { Signal, SignalRule, SignalSettings } from '../../domain/signals/schemas.ts';
import type { PlanOfStage } from '../plans/plan-versus-actual.ts';

/** What the signal rules read about one engagement: plain rows from the record and its rollups. */
export interface EngagementFacts {
  engagementId: string;
  startDate: string;
  endDate: string | null;
  stages: readonly { stageId: string; startedOn: string }[];
  /** Date of the last live interaction, or null when none was logged. */
  lastContact: string | null;
  /** Logged minutes per calendar month, relationship month and component (the rollup rows). */
  componentMonths: readonly {
    calendarMonth: string;
    relationshipMonth: number;
    componentId: string;
    minutes: number;
  }[];
  /** The planned emphasis of each stage plan. */
  plans: readonly Pick<PlanOfStage, 'stageId' | 'emphasis'>[];
  /** Partner-experience and AIM/IAM/FIM scores: one series per score, its waves oldest first (mean of the wave). */
  scores: readonly { label: string; waves: readonly { on: string; value: number }[] }[];
  /**
   * Open next steps due before `overdueBefore(today, days)`: how many, and the oldest (by due date,
   * then in the order they were written).
   */
  overdueNextSteps: { count: number; oldest: { text: string; dueDate: string } | null };
}

export interface SignalContext {
  today: string;
  settings: SignalSettings;
  /** Ids of the model's foundational components. */
  foundational: ReadonlySet<string>;
}

/** A signal before acknowledgements are joined in. */
export type RawSignal = Omit<Signal, 'acknowledgement'>;

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/**
 * The due dates a next step must fall before to be more than `days` days overdue on `today`: a step
 * due on D is overdue when `daysBetween(D, today) > days`, that is when D < today − days.
 */
export const overdueBefore = (today: string, days: number): string =>
  new Date((dayNumber(today) - days) * DAY_MS).toISOString().slice(0, 10);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const round = (n: number) => Math.round(n * 100) / 100;

type Rule = (facts: EngagementFacts, context: SignalContext) => RawSignal[];

const signal = (
  facts: EngagementFacts,
  rule: SignalRule,
  subject: string,
  title: string,
  explanation: string,
  ruleText: string,
): RawSignal => ({
  key: subject === '' ? rule : `${rule}:${subject}`,
  rule,
  engagementId: facts.engagementId,
  title,
  explanation,
  ruleText,
});

/** No interaction for N weeks or more (counted from the start when none was logged). */
const noContact: Rule = (facts, { today, settings }) => {
  const { weeks } = settings.noContact;
  const since = facts.lastContact ?? facts.startDate;
  const days = daysBetween(since, today);
  if (days < weeks * 7) return [];
  return [
    signal(
      facts,
      'noContact',
      '',
      `No contact for ${plural(Math.floor(days / 7), 'week')}`,
      facts.lastContact
        ? `The last interaction was on ${facts.lastContact}, ${plural(days, 'day')} ago.`
        : `No interaction has been logged since the engagement started on ${facts.startDate}, ${plural(days, 'day')} ago.`,
      `Fires when no interaction has been logged for ${plural(weeks, 'week')} or more.`,
    ),
  ];
};

/** No minutes of foundational components in the first M months of the relationship, once they are over. */
const noFoundational: Rule = (facts, { today, settings, foundational }) => {
  const { months } = settings.noFoundational;
  if (foundational.size === 0 || relationshipMonth(facts.startDate, today) <= months) return [];
  const used = facts.componentMonths.some(
    (row) =>
      row.relationshipMonth >= 1 &&
      row.relationshipMonth <= months &&
      foundational.has(row.componentId) &&
      row.minutes > 0,
  );
  if (used) return [];
  return [
    signal(
      facts,
      'noFoundational',
      '',
      `No foundational support in the first ${plural(months, 'month')}`,
      `No minutes of ${[...foundational].sort().join(' or ')} were logged in months 1–${months} of the relationship.`,
      `Fires when none of the model's foundational components was used in the first ${plural(months, 'month')} of the relationship.`,
    ),
  ];
};

/** A component the current stage's plan gives minutes to, unused in each of the last M whole months. */
const plannedComponentUnused: Rule = (facts, { today, settings }) => {
  const { months } = settings.plannedComponentUnused;
  const stageId = stageOn([...facts.stages], today);
  const plan = facts.plans.find((p) => p.stageId === stageId);
  if (!plan) return [];
  const current = calendarMonth(today);
  const first = shiftMonth(current, -months);
  const stageStart = [...facts.stages].reverse().find((s) => s.stageId === stageId)!.startedOn;
  if (stageStart > `${first}-01`) return [];
  const used = new Set(
    facts.componentMonths
      .filter((row) => row.calendarMonth >= first && row.calendarMonth < current && row.minutes > 0)
      .map((row) => row.componentId),
  );
  return plan.emphasis
    .filter((entry) => entry.minutesPerMonth > 0 && !used.has(entry.componentId))
    .map((entry) =>
      signal(
        facts,
        'plannedComponentUnused',
        entry.componentId,
        `Planned component "${entry.componentId}" unused`,
        `The plan for stage "${stageId}" sets about ${entry.minutesPerMonth} minutes a month of "${entry.componentId}", but none were logged from ${first} to ${shiftMonth(current, -1)}.`,
        `Fires when a component planned for the current stage was not used in the last ${plural(months, 'whole month')}.`,
      ),
    );
};

/** A score that fell by more than the set amount between its last two waves, or whose last wave is below the set level. */
const scoreFell: Rule = (facts, { settings }) => {
  const { drop, below } = settings.scoreFell;
  const found: RawSignal[] = [];
  for (const series of facts.scores) {
    const last = series.waves.at(-1);
    if (!last) continue;
    const previous = series.waves.at(-2);
    if (previous && previous.value - last.value > drop)
      found.push(
        signal(
          facts,
          'scoreFell',
          `${series.label}:fell`,
          `${series.label} fell by ${round(previous.value - last.value)}`,
          `${series.label} was ${round(previous.value)} on ${previous.on} and ${round(last.value)} on ${last.on}.`,
          `Fires when a partner-experience or AIM/IAM/FIM score falls by more than ${drop} between two waves.`,
        ),
      );
    if (last.value < below)
      found.push(
        signal(
          facts,
          'scoreFell',
          `${series.label}:below`,
          `${series.label} is ${round(last.value)}, below ${below}`,
          `${series.label} was ${round(last.value)} in the wave of ${last.on}.`,
          `Fires when a partner-experience or AIM/IAM/FIM score is below ${below} in its latest wave.`,
        ),
      );
  }
  return found;
};

/** Open next steps more than D days past their due date (the facts hold those due before `overdueBefore`). */
const nextStepsOverdue: Rule = (facts, { settings }) => {
  const { days } = settings.nextStepsOverdue;
  const { count, oldest } = facts.overdueNextSteps;
  if (count === 0 || oldest === null) return [];
  return [
    signal(
      facts,
      'nextStepsOverdue',
      '',
      `${plural(count, 'next step')} overdue`,
      `The oldest, "${oldest.text}", was due on ${oldest.dueDate}.`,
      days === 0
        ? 'Fires when an open next step is past its due date.'
        : `Fires when an open next step is more than ${plural(days, 'day')} past its due date.`,
    ),
  ];
};

/** Last whole month's logged minutes differ from the plan of that month's stage by more than ±P %. */
const doseFromPlan: Rule = (facts, { today, settings }) => {
  const { percent } = settings.doseFromPlan;
  const month = shiftMonth(calendarMonth(today), -1);
  if (`${month}-01` < facts.startDate.slice(0, 7) + '-01') return [];
  const year = Number(month.slice(0, 4));
  const lastDay = `${month}-${String(new Date(Date.UTC(year, Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
  const stageId = stageOn([...facts.stages], lastDay);
  const plan = facts.plans.find((p) => p.stageId === stageId);
  if (!plan) return [];
  let planned = 0;
  for (const entry of plan.emphasis) planned += entry.minutesPerMonth;
  if (planned === 0) return [];
  let logged = 0;
  for (const row of facts.componentMonths) if (row.calendarMonth === month) logged += row.minutes;
  const off = ((logged - planned) / planned) * 100;
  if (Math.abs(off) <= percent) return [];
  return [
    signal(
      facts,
      'doseFromPlan',
      '',
      `${month}: ${logged} minutes against ${planned} planned (${off > 0 ? '+' : ''}${Math.round(off)} %)`,
      `In ${month} the plan for stage "${stageId}" set ${planned} minutes a month; ${logged} were logged.`,
      `Fires when last month's logged minutes differ from the plan by more than ±${percent} %.`,
    ),
  ];
};

const rules: Record<SignalRule, Rule> = {
  noContact,
  noFoundational,
  plannedComponentUnused,
  scoreFell,
  nextStepsOverdue,
  doseFromPlan,
};

/**
 * The signals of one engagement on `today`, by the organization's settings; rules switched off give none.
 * An engagement not yet started or already ended gives none.
 */
export function engagementSignals(facts: EngagementFacts, context: SignalContext): RawSignal[] {
  if (facts.startDate > context.today || (facts.endDate !== null && facts.endDate < context.today)) return [];
  const found: RawSignal[] = [];
  for (const [rule, check] of Object.entries(rules) as [SignalRule, Rule][])
    if (context.settings[rule].enabled) found.push(...check(facts, context));
  return found;
}
