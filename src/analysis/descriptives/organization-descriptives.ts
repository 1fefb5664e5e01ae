import type { ComponentMonthDose, EngagementMonthDose } from '../../domain/support/rollups.ts';
import type { StageChange } from '../../domain/support/schemas.ts';
import { currentRelationshipMonth } from '../dose/engagement-overview.ts';
import {
  dominantTransitions,
  diversityByEngagementMonth,
  earlyVersusLater,
  inEngagementOrder,
  type MonthlyDiversity,
} from './diversity.ts';
import { componentMixOverRelationship, doseByRelationshipMonthAcrossEngagements } from './dose-trajectory.ts';
import { stageSpells, stageTiming } from './stage-timing.ts';

/** Descriptives across engagements are shown only where at least this many engagements contribute. */
export const minimumEngagements = 3;

export const descriptiveMethods = {
  quantiles: 'R quantile(type = 7) (Hyndman & Fan 1996)',
  entropy: 'Shannon entropy, natural log (Shannon 1948)',
  dose: 'months without contact count as zero minutes for engagements that had reached the month',
  stages: 'median of R type-7 quantiles; stage length over completed stages only',
  minimum: `views across engagements need at least ${minimumEngagements} engagements`,
} as const;

export interface DescriptivesInput {
  /** The engagements selected (see `selectEngagements`). */
  engagements: readonly { id: string; startDate: string; endDate: string | null; stages: readonly StageChange[] }[];
  /** Rollups of the organization; rows of other engagements or outside the period are left out here. */
  engagementMonths: readonly EngagementMonthDose[];
  componentMonths: readonly ComponentMonthDose[];
  /** Calendar months `YYYY-MM`, inclusive. */
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  groupOf: (componentId: string) => string;
  stageOrder: readonly string[];
  today: string;
}

const lastDayOf = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The organization's calendar month within the selection: interactions, minutes, engagements with contact. */
export interface CalendarMonthTotals {
  calendarMonth: string;
  interactions: number;
  minutes: number;
  engagements: number;
}

/** Minutes of one engagement in one month of its relationship (within the period). */
export type RelationshipMonthMinutes = Pick<EngagementMonthDose, 'engagementId' | 'relationshipMonth' | 'minutes'>;

/** One component's dose in one month of the relationship, summed over the selected engagements. */
export type ComponentTotals = Pick<
  ComponentMonthDose,
  'relationshipMonth' | 'componentId' | 'interactions' | 'minutes' | 'activityUses'
>;

/**
 * The same views from sums the store makes over the rollups of the selected engagements and period:
 * no row per component and engagement-month is needed (see `describeEngagements` for their meaning).
 */
export interface AggregatedDescriptivesInput {
  engagements: DescriptivesInput['engagements'];
  calendarMonths: readonly CalendarMonthTotals[];
  relationshipMonths: readonly RelationshipMonthMinutes[];
  /** Diversity per engagement-month with component rows in the period. */
  diversity: readonly MonthlyDiversity[];
  components: readonly ComponentTotals[];
  toMonth?: string | undefined;
  groupOf: (componentId: string) => string;
  stageOrder: readonly string[];
  today: string;
}

/**
 * The trajectory views over a set of engagements, from the monthly rollups: dose by calendar month and
 * by month of relationship (mean, median, IQR), component and group mix over the relationship, diversity
 * of use (components used and Shannon entropy per engagement-month), early versus later, transitions
 * between dominant components and stage timing.
 */
export function describeEngagements(input: DescriptivesInput) {
  const ids = new Set(input.engagements.map((e) => e.id));
  const inRange = (m: { engagementId: string; calendarMonth: string }) =>
    ids.has(m.engagementId) &&
    (!input.fromMonth || m.calendarMonth >= input.fromMonth) &&
    (!input.toMonth || m.calendarMonth <= input.toMonth);
  const engagementMonths = input.engagementMonths.filter(inRange);
  const components = input.componentMonths.filter(inRange);

  const byCalendarMonth = new Map<string, { interactions: number; minutes: number; engagements: Set<string> }>();
  for (const m of engagementMonths) {
    const slot = byCalendarMonth.get(m.calendarMonth) ?? {
      interactions: 0,
      minutes: 0,
      engagements: new Set<string>(),
    };
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
    slot.engagements.add(m.engagementId);
    byCalendarMonth.set(m.calendarMonth, slot);
  }
  const totals = new Map<string, ComponentTotals>();
  for (const c of components) {
    const key = `${c.relationshipMonth}|${c.componentId}`;
    const slot = totals.get(key) ?? {
      relationshipMonth: c.relationshipMonth,
      componentId: c.componentId,
      interactions: 0,
      minutes: 0,
      activityUses: 0,
    };
    slot.interactions += c.interactions;
    slot.minutes += c.minutes;
    slot.activityUses += c.activityUses;
    totals.set(key, slot);
  }
  return describeAggregated({
    engagements: input.engagements,
    calendarMonths: [...byCalendarMonth.entries()].map(([calendarMonth, s]) => ({
      calendarMonth,
      interactions: s.interactions,
      minutes: s.minutes,
      engagements: s.engagements.size,
    })),
    relationshipMonths: engagementMonths,
    diversity: diversityByEngagementMonth(components),
    components: [...totals.values()],
    toMonth: input.toMonth,
    groupOf: input.groupOf,
    stageOrder: input.stageOrder,
    today: input.today,
  });
}

/** The trajectory views from the store's sums (`AggregatedDescriptivesInput`); the same figures as `describeEngagements`. */
export function describeAggregated(input: AggregatedDescriptivesInput) {
  const until = input.toMonth && lastDayOf(input.toMonth) < input.today ? lastDayOf(input.toMonth) : input.today;
  const monthsReached = new Map(
    input.engagements.map((e) => [e.id, currentRelationshipMonth(e.startDate, e.endDate, until)]),
  );
  const diversity = inEngagementOrder([...input.diversity]);
  const byMonth = new Map<number, { n: number; components: number; entropy: number }>();
  for (const d of diversity) {
    let slot = byMonth.get(d.relationshipMonth);
    if (!slot) byMonth.set(d.relationshipMonth, (slot = { n: 0, components: 0, entropy: 0 }));
    slot.n += 1;
    slot.components += d.componentsUsed;
    slot.entropy += d.entropy;
  }
  const totals = new Map<string, { interactions: number; minutes: number; activityUses: number }>();
  for (const c of input.components) {
    let slot = totals.get(c.componentId);
    if (!slot) totals.set(c.componentId, (slot = { interactions: 0, minutes: 0, activityUses: 0 }));
    slot.interactions += c.interactions;
    slot.minutes += c.minutes;
    slot.activityUses += c.activityUses;
  }
  const calendarMonths = [...input.calendarMonths].sort((a, b) => a.calendarMonth.localeCompare(b.calendarMonth));

  return {
    engagements: input.engagements.length,
    minimumEngagements,
    totals: {
      interactions: calendarMonths.reduce((s, m) => s + m.interactions, 0),
      minutes: calendarMonths.reduce((s, m) => s + m.minutes, 0),
    },
    doseByCalendarMonth: calendarMonths.map((m) => ({
      calendarMonth: m.calendarMonth,
      interactions: m.interactions,
      minutes: m.minutes,
      engagements: m.engagements,
    })),
    doseByRelationshipMonth: doseByRelationshipMonthAcrossEngagements(input.relationshipMonths, monthsReached),
    componentMix: componentMixOverRelationship(input.components),
    groupMix: componentMixOverRelationship(input.components, input.groupOf),
    minutesByComponent: [...totals.entries()]
      .map(([componentId, t]) => ({ componentId, group: input.groupOf(componentId), ...t }))
      .sort((a, b) => b.minutes - a.minutes || a.componentId.localeCompare(b.componentId)),
    diversityByRelationshipMonth: [...byMonth.entries()]
      .sort(([a], [b]) => a - b)
      .map(([month, s]) => ({
        month,
        engagementMonths: s.n,
        meanComponentsUsed: s.components / s.n,
        meanEntropy: s.entropy / s.n,
      })),
    earlyVersusLater: earlyVersusLater(diversity),
    transitions: dominantTransitions(diversity).slice(0, 25),
    stageTiming: stageTiming(
      input.engagements.map((e) => stageSpells(e, until)),
      input.stageOrder,
    ),
    methods: descriptiveMethods,
  };
}

export type Descriptives = ReturnType<typeof describeEngagements>;
