import { calendarMonth, relationshipMonth } from './months.ts';
import { organizationRelationshipComponents, type OrganizationRelationshipComponentDose } from './relationship-dose.ts';
import type { ComponentUse, PrincipleUse } from './schemas.ts';

/**
 * Monthly dose: what each interaction adds to its engagement's month (calendar month and month of the
 * relationship), in total, per component and per principle; and, summed over engagements, to the
 * organization's calendar month. Stores keep these sums in the same transaction as every write, so
 * pages read sums instead of scanning interactions.
 */

export interface DoseMonth {
  engagementId: string;
  calendarMonth: string;
  relationshipMonth: number;
}

export interface EngagementMonthDose extends DoseMonth {
  interactions: number;
  minutes: number;
}

export interface ComponentMonthDose extends DoseMonth {
  componentId: string;
  interactions: number;
  minutes: number;
  activityUses: number;
}

/** How often a principle was applied in an engagement's month, and the sum of its self-ratings where rated. */
export interface PrincipleMonthUse extends DoseMonth {
  principleId: string;
  interactions: number;
  ratings: number;
  ratingSum: number;
}

/** Interactions and minutes of one mode of contact in an engagement's calendar month. */
export interface ModeMonthUse {
  engagementId: string;
  calendarMonth: string;
  mode: string;
  interactions: number;
  minutes: number;
}

/** How many interactions of an engagement's calendar month used one practice activity of one component. */
export interface ActivityMonthUse {
  engagementId: string;
  calendarMonth: string;
  componentId: string;
  activityId: string;
  interactions: number;
}

/** The organization's calendar month: its interactions and minutes, and how many engagements had contact. */
export interface OrganizationMonthDose {
  calendarMonth: string;
  interactions: number;
  minutes: number;
  engagements: number;
}

export interface OrganizationComponentMonthDose {
  calendarMonth: string;
  componentId: string;
  interactions: number;
  minutes: number;
  activityUses: number;
}

/** Practice use summed over the organization's engagements per calendar month (mode, principle, activity). */
export type OrganizationModeMonthUse = Omit<ModeMonthUse, 'engagementId'>;
export type OrganizationPrincipleMonthUse = Omit<PrincipleMonthUse, 'engagementId' | 'relationshipMonth'>;
export type OrganizationActivityMonthUse = Omit<ActivityMonthUse, 'engagementId'>;

/**
 * What one interaction adds to (or removes from) the engagement-level rollups. The organization-level
 * rollups follow from these, so a contribution never states them.
 */
export interface DoseContribution {
  engagement: EngagementMonthDose;
  components: ComponentMonthDose[];
  principles: PrincipleMonthUse[];
  modes: ModeMonthUse[];
  activities: ActivityMonthUse[];
}

/** Engagement-level rollup rows: a complete dose, or the merged change of several contributions. */
export interface DoseRows {
  engagementMonths: EngagementMonthDose[];
  componentMonths: ComponentMonthDose[];
  principleMonths: PrincipleMonthUse[];
  modeMonths: ModeMonthUse[];
  activityMonths: ActivityMonthUse[];
}

export interface DoseSource {
  engagementId: string;
  date: string;
  durationMinutes: number;
  mode: string;
  components: Pick<ComponentUse, 'componentId' | 'minutes' | 'activityIds'>[];
  principles: Pick<PrincipleUse, 'principleId' | 'rating'>[];
}

/** What one interaction adds (sign 1) to, or removes (sign -1) from, the monthly dose. */
export function doseContribution(interaction: DoseSource, engagementStart: string, sign: 1 | -1): DoseContribution {
  // The month's fields are written out rather than spread: V8 builds `{ ...month, more }` many times slower.
  const engagementId = interaction.engagementId;
  const month = calendarMonth(interaction.date);
  const relationship = relationshipMonth(engagementStart, interaction.date);
  return {
    engagement: {
      engagementId,
      calendarMonth: month,
      relationshipMonth: relationship,
      interactions: sign,
      minutes: sign * interaction.durationMinutes,
    },
    components: interaction.components.map((c) => ({
      engagementId,
      calendarMonth: month,
      relationshipMonth: relationship,
      componentId: c.componentId,
      interactions: sign,
      minutes: sign * c.minutes,
      activityUses: sign * c.activityIds.length,
    })),
    principles: interaction.principles.map((p) => ({
      engagementId,
      calendarMonth: month,
      relationshipMonth: relationship,
      principleId: p.principleId,
      interactions: sign,
      ratings: p.rating === null ? 0 : sign,
      ratingSum: sign * (p.rating ?? 0),
    })),
    modes: [
      {
        engagementId,
        calendarMonth: month,
        mode: interaction.mode,
        interactions: sign,
        minutes: sign * interaction.durationMinutes,
      },
    ],
    // An interaction lists a component, and an activity of it, at most once (`checkInteraction`).
    activities: interaction.components.flatMap((c) =>
      c.activityIds.map((activityId) => ({
        engagementId,
        calendarMonth: month,
        componentId: c.componentId,
        activityId,
        interactions: sign,
      })),
    ),
  };
}

export const modeMonthKey = (m: Pick<ModeMonthUse, 'engagementId' | 'calendarMonth' | 'mode'>): string =>
  `${m.engagementId}|${m.calendarMonth}|${m.mode}`;
export const activityMonthKey = (
  a: Pick<ActivityMonthUse, 'engagementId' | 'calendarMonth' | 'componentId' | 'activityId'>,
): string => `${a.engagementId}|${a.calendarMonth}|${a.componentId}|${a.activityId}`;

export const doseMonthKey = (d: DoseMonth): string => `${d.engagementId}|${d.calendarMonth}|${d.relationshipMonth}`;

/** Adds rows with equal keys: every numeric field except the month of the relationship is a sum. */
function sumByKey<T extends object>(
  rows: Iterable<T>,
  keyOf: (row: T) => string,
  into = new Map<string, T>(),
): Map<string, T> {
  for (const row of rows) {
    const key = keyOf(row);
    const slot = into.get(key) as Record<string, unknown> | undefined;
    if (!slot) {
      into.set(key, { ...row });
      continue;
    }
    for (const [field, value] of Object.entries(row)) {
      if (typeof value === 'number' && field !== 'relationshipMonth') slot[field] = (slot[field] as number) + value;
    }
  }
  return into;
}

/**
 * A running sum of contributions, added one at a time (a stream of interactions), read as rows at the
 * end.
 */
export class DoseSum {
  readonly #engagementMonths = new Map<string, EngagementMonthDose>();
  readonly #componentMonths = new Map<string, ComponentMonthDose>();
  readonly #principleMonths = new Map<string, PrincipleMonthUse>();
  readonly #modeMonths = new Map<string, ModeMonthUse>();
  readonly #activityMonths = new Map<string, ActivityMonthUse>();

  add(c: DoseContribution): void {
    sumByKey([c.engagement], doseMonthKey, this.#engagementMonths);
    sumByKey(c.components, (r) => `${doseMonthKey(r)}|${r.componentId}`, this.#componentMonths);
    sumByKey(c.principles, (r) => `${doseMonthKey(r)}|${r.principleId}`, this.#principleMonths);
    sumByKey(c.modes, modeMonthKey, this.#modeMonths);
    sumByKey(c.activities, activityMonthKey, this.#activityMonths);
  }

  /** Adds an interaction's contribution, when its engagement's start is known (a live engagement). */
  addInteraction(interaction: DoseSource, engagementStarts: ReadonlyMap<string, string>): void {
    const start = engagementStarts.get(interaction.engagementId);
    if (start !== undefined) this.add(doseContribution(interaction, start, 1));
  }

  rows(): DoseRows {
    return {
      engagementMonths: [...this.#engagementMonths.values()],
      componentMonths: [...this.#componentMonths.values()],
      principleMonths: [...this.#principleMonths.values()],
      modeMonths: [...this.#modeMonths.values()],
      activityMonths: [...this.#activityMonths.values()],
    };
  }
}

/**
 * Several contributions as one change: rows with the same key summed, so each row is written once. A
 * single contribution's rows already have a key each (an interaction lists a component, a principle, and
 * an activity of a component, at most once: `checkInteraction`), so they are taken as they are.
 */
export function mergeContributions(contributions: Iterable<DoseContribution>): DoseRows {
  const all = [...contributions];
  if (all.length === 1) {
    const [c] = all as [DoseContribution];
    return {
      engagementMonths: [c.engagement],
      componentMonths: c.components,
      principleMonths: c.principles,
      modeMonths: c.modes,
      activityMonths: c.activities,
    };
  }
  const sum = new DoseSum();
  for (const c of all) sum.add(c);
  return sum.rows();
}

/** The complete monthly dose of a set of interactions, computed from scratch: what `praxis check` compares against. */
export function computeDose(
  interactions: Iterable<DoseSource>,
  engagementStarts: ReadonlyMap<string, string>,
): DoseRows {
  const sum = new DoseSum();
  for (const interaction of interactions) sum.addInteraction(interaction, engagementStarts);
  return sum.rows();
}

/**
 * The organization-level rollups: sums of the engagement-level ones per calendar month (and component,
 * mode, principle or activity), and per month of the relationship and component.
 */
export interface OrganizationDose {
  months: OrganizationMonthDose[];
  componentMonths: OrganizationComponentMonthDose[];
  relationshipComponents: OrganizationRelationshipComponentDose[];
  modeMonths: OrganizationModeMonthUse[];
  principleMonths: OrganizationPrincipleMonthUse[];
  activityMonths: OrganizationActivityMonthUse[];
}

const organizationComponentKey = (c: OrganizationComponentMonthDose): string => `${c.calendarMonth}|${c.componentId}`;
const organizationRelationshipKey = (c: OrganizationRelationshipComponentDose): string =>
  `${c.relationshipMonth}|${c.componentId}`;
const organizationModeKey = (m: OrganizationModeMonthUse): string => `${m.calendarMonth}|${m.mode}`;
const organizationPrincipleKey = (p: OrganizationPrincipleMonthUse): string => `${p.calendarMonth}|${p.principleId}`;
const organizationActivityKey = (a: OrganizationActivityMonthUse): string =>
  `${a.calendarMonth}|${a.componentId}|${a.activityId}`;

/** Interactions and minutes per calendar month, the number of engagements with contact left at zero for the caller. */
function calendarMonthSums(engagementMonths: readonly EngagementMonthDose[]): Map<string, OrganizationMonthDose> {
  const months = new Map<string, OrganizationMonthDose>();
  for (const m of engagementMonths) {
    const slot = months.get(m.calendarMonth) ?? {
      calendarMonth: m.calendarMonth,
      interactions: 0,
      minutes: 0,
      engagements: 0,
    };
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
    months.set(m.calendarMonth, slot);
  }
  return months;
}

/** Every organization-level sum but the calendar months': per component, month of the relationship, mode, principle and activity. */
function organizationSums(rows: DoseRows): Omit<OrganizationDose, 'months'> {
  const sum = <T extends object>(of: T[], keyOf: (row: T) => string): T[] => [...sumByKey(of, keyOf).values()];
  return {
    componentMonths: sum(
      rows.componentMonths.map((c) => ({
        calendarMonth: c.calendarMonth,
        componentId: c.componentId,
        interactions: c.interactions,
        minutes: c.minutes,
        activityUses: c.activityUses,
      })),
      organizationComponentKey,
    ),
    relationshipComponents: organizationRelationshipComponents(rows.componentMonths),
    modeMonths: sum(
      rows.modeMonths.map((m) => ({
        calendarMonth: m.calendarMonth,
        mode: m.mode,
        interactions: m.interactions,
        minutes: m.minutes,
      })),
      organizationModeKey,
    ),
    principleMonths: sum(
      rows.principleMonths.map((p) => ({
        calendarMonth: p.calendarMonth,
        principleId: p.principleId,
        interactions: p.interactions,
        ratings: p.ratings,
        ratingSum: p.ratingSum,
      })),
      organizationPrincipleKey,
    ),
    activityMonths: sum(
      rows.activityMonths.map((a) => ({
        calendarMonth: a.calendarMonth,
        componentId: a.componentId,
        activityId: a.activityId,
        interactions: a.interactions,
      })),
      organizationActivityKey,
    ),
  };
}

/**
 * The organization-level rollups that a complete engagement-level dose implies: sums per calendar month
 * (with the number of engagements that had an interaction in it) and per calendar month and component,
 * mode, principle or activity, and per month of the relationship and component.
 */
export function organizationDose(dose: DoseRows): OrganizationDose {
  const months = calendarMonthSums(dose.engagementMonths);
  const engagementsIn = new Map<string, Set<string>>();
  for (const m of dose.engagementMonths) {
    const engagements = engagementsIn.get(m.calendarMonth) ?? new Set<string>();
    if (m.interactions > 0) engagements.add(m.engagementId);
    engagementsIn.set(m.calendarMonth, engagements);
  }
  for (const [month, engagements] of engagementsIn) months.get(month)!.engagements = engagements.size;
  return { months: [...months.values()], ...organizationSums(dose) };
}

/**
 * What a change of engagement-level rows changes at organization level. The number of engagements with
 * contact in a calendar month is not a sum of the change's rows: `engagementsDelta` says, per calendar
 * month, how it moves (the store finds out from the rows it holds).
 */
export function organizationChange(change: DoseRows, engagementsDelta: ReadonlyMap<string, number>): OrganizationDose {
  const months = calendarMonthSums(change.engagementMonths);
  for (const [month, delta] of engagementsDelta) months.get(month)!.engagements += delta;
  return { months: [...months.values()], ...organizationSums(change) };
}

/** Running sums of the organization-level rollups of the complete doses of engagements, none of them added before (bulk loads). */
export class OrganizationDoseSum {
  readonly #months = new Map<string, OrganizationMonthDose>();
  readonly #componentMonths = new Map<string, OrganizationComponentMonthDose>();
  readonly #relationshipComponents = new Map<string, OrganizationRelationshipComponentDose>();
  readonly #modeMonths = new Map<string, OrganizationModeMonthUse>();
  readonly #principleMonths = new Map<string, OrganizationPrincipleMonthUse>();
  readonly #activityMonths = new Map<string, OrganizationActivityMonthUse>();

  add(dose: DoseRows): void {
    const more = organizationDose(dose);
    sumByKey(more.months, (m) => m.calendarMonth, this.#months);
    sumByKey(more.componentMonths, organizationComponentKey, this.#componentMonths);
    sumByKey(more.relationshipComponents, organizationRelationshipKey, this.#relationshipComponents);
    sumByKey(more.modeMonths, organizationModeKey, this.#modeMonths);
    sumByKey(more.principleMonths, organizationPrincipleKey, this.#principleMonths);
    sumByKey(more.activityMonths, organizationActivityKey, this.#activityMonths);
  }

  rows(): OrganizationDose {
    return {
      months: [...this.#months.values()],
      componentMonths: [...this.#componentMonths.values()],
      relationshipComponents: [...this.#relationshipComponents.values()],
      modeMonths: [...this.#modeMonths.values()],
      principleMonths: [...this.#principleMonths.values()],
      activityMonths: [...this.#activityMonths.values()],
    };
  }
}

/** An open next step of a live interaction, as the engagement page lists it. */
export interface IndexedNextStep {
  interactionId: string;
  position: number;
  engagementId: string;
  interactionDate: string;
  text: string;
  owner: string;
  dueDate: string | null;
}

/** The next steps of an interaction that are not done yet: the rows the next-step index holds for it while it is live. */
export function openNextStepRows(interaction: {
  id: string;
  engagementId: string;
  date: string;
  nextSteps: { text: string; owner: string; dueDate: string | null; done: boolean }[];
}): IndexedNextStep[] {
  return interaction.nextSteps.flatMap((s, position) =>
    s.done
      ? []
      : [
          {
            interactionId: interaction.id,
            position,
            engagementId: interaction.engagementId,
            interactionDate: interaction.date,
            text: s.text,
            owner: s.owner,
            dueDate: s.dueDate,
          },
        ],
  );
}
