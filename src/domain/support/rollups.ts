import { ownCopy } from './interaction-table.ts';
import { calendarMonth, relationshipMonth } from './months.ts';
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

/**
 * What one interaction adds to (or removes from) the engagement-level rollups. The organization-level
 * rollups follow from these, so a contribution never states them.
 */
export interface DoseContribution {
  engagement: EngagementMonthDose;
  components: ComponentMonthDose[];
  principles: PrincipleMonthUse[];
}

/** Engagement-level rollup rows: a complete dose, or the merged change of several contributions. */
export interface DoseRows {
  engagementMonths: EngagementMonthDose[];
  componentMonths: ComponentMonthDose[];
  principleMonths: PrincipleMonthUse[];
}

export interface DoseSource {
  engagementId: string;
  date: string;
  durationMinutes: number;
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
    engagement: { engagementId, calendarMonth: month, relationshipMonth: relationship, interactions: sign, minutes: sign * interaction.durationMinutes },
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
  };
}

export const doseMonthKey = (d: DoseMonth): string => `${d.engagementId}|${d.calendarMonth}|${d.relationshipMonth}`;

/** Adds rows with equal keys: every numeric field except the month of the relationship is a sum. */
function sumByKey<T extends object>(rows: Iterable<T>, keyOf: (row: T) => string, into = new Map<string, T>()): Map<string, T> {
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
 * end. It sums what `doseContribution` defines, so `praxis check` stays independent of `DoseTotals`,
 * the import's faster sum that builds no contributions.
 */
export class DoseSum {
  readonly #engagementMonths = new Map<string, EngagementMonthDose>();
  readonly #componentMonths = new Map<string, ComponentMonthDose>();
  readonly #principleMonths = new Map<string, PrincipleMonthUse>();

  add(c: DoseContribution): void {
    sumByKey([c.engagement], doseMonthKey, this.#engagementMonths);
    sumByKey(c.components, (r) => `${doseMonthKey(r)}|${r.componentId}`, this.#componentMonths);
    sumByKey(c.principles, (r) => `${doseMonthKey(r)}|${r.principleId}`, this.#principleMonths);
  }

  /** Adds an interaction's contribution, when its engagement's start is known (a live engagement). */
  addInteraction(interaction: DoseSource, engagementStarts: ReadonlyMap<string, string>): void {
    const start = engagementStarts.get(interaction.engagementId);
    if (start !== undefined) this.add(doseContribution(interaction, start, 1));
  }

  rows(): DoseRows {
    return { engagementMonths: [...this.#engagementMonths.values()], componentMonths: [...this.#componentMonths.values()], principleMonths: [...this.#principleMonths.values()] };
  }
}

/** Several contributions as one change: rows with the same key summed, so each row is written once. */
export function mergeContributions(contributions: Iterable<DoseContribution>): DoseRows {
  const sum = new DoseSum();
  for (const c of contributions) sum.add(c);
  return sum.rows();
}

/** The complete monthly dose of a set of interactions, computed from scratch: what `praxis check` compares against. */
export function computeDose(interactions: Iterable<DoseSource>, engagementStarts: ReadonlyMap<string, string>): DoseRows {
  const sum = new DoseSum();
  for (const interaction of interactions) sum.addInteraction(interaction, engagementStarts);
  return sum.rows();
}

/**
 * The organization-level rollups that a complete engagement-level dose implies: sums per calendar month
 * (with the number of engagements that had an interaction in it) and per calendar month and component.
 */
export function organizationDose(dose: Pick<DoseRows, 'engagementMonths' | 'componentMonths'>): { months: OrganizationMonthDose[]; componentMonths: OrganizationComponentMonthDose[] } {
  const months = new Map<string, OrganizationMonthDose>();
  const engagementsIn = new Map<string, Set<string>>();
  for (const m of dose.engagementMonths) {
    const slot = months.get(m.calendarMonth) ?? { calendarMonth: m.calendarMonth, interactions: 0, minutes: 0, engagements: 0 };
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
    months.set(m.calendarMonth, slot);
    const engagements = engagementsIn.get(m.calendarMonth) ?? new Set<string>();
    if (m.interactions > 0) engagements.add(m.engagementId);
    engagementsIn.set(m.calendarMonth, engagements);
  }
  for (const [month, engagements] of engagementsIn) months.get(month)!.engagements = engagements.size;
  const componentMonths = sumByKey(
    dose.componentMonths.map((c) => ({ calendarMonth: c.calendarMonth, componentId: c.componentId, interactions: c.interactions, minutes: c.minutes, activityUses: c.activityUses })),
    (c) => `${c.calendarMonth}|${c.componentId}`,
  );
  return { months: [...months.values()], componentMonths: [...componentMonths.values()] };
}

/** Adds the organization-level rollups of the complete dose of more engagements, none of them added before (bulk loads). */
export function addOrganizationDose(
  into: { months: Map<string, OrganizationMonthDose>; componentMonths: Map<string, OrganizationComponentMonthDose> },
  dose: Pick<DoseRows, 'engagementMonths' | 'componentMonths'>,
): void {
  const more = organizationDose(dose);
  sumByKey(more.months, (m) => m.calendarMonth, into.months);
  sumByKey(more.componentMonths, (c) => `${c.calendarMonth}|${c.componentId}`, into.componentMonths);
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
export function openNextStepRows(interaction: { id: string; engagementId: string; date: string; nextSteps: { text: string; owner: string; dueDate: string | null; done: boolean }[] }): IndexedNextStep[] {
  return interaction.nextSteps.flatMap((s, position) =>
    s.done ? [] : [{ interactionId: interaction.id, position, engagementId: interaction.engagementId, interactionDate: interaction.date, text: s.text, owner: s.owner, dueDate: s.dueDate }],
  );
}

/**
 * Running sums of many new interactions' contributions, for bulk writes (imports): one contribution per
 * engagement month, each row summed once, so the rollups take a few statements per month at the end.
 * Adds what `doseContribution(interaction, start, 1)` gives, without building it: an import adds
 * hundreds of thousands. The sums keep copies of their names (`ownCopy`), not slices of a file's text.
 */
export class DoseTotals {
  private readonly months = new Map<string, { engagement: EngagementMonthDose; components: Map<string, ComponentMonthDose>; principles: Map<string, PrincipleMonthUse> }>();
  /** Month of the relationship by engagement start and date: many interactions share both. */
  private readonly relationshipMonths = new Map<string, number>();

  add(interaction: DoseSource, engagementStart: string): void {
    const month = calendarMonth(interaction.date);
    const relationship = this.relationshipMonthOf(engagementStart, interaction.date);
    const key = `${interaction.engagementId}|${month}|${relationship}`;
    let slot = this.months.get(key);
    if (!slot) {
      const engagement = { engagementId: ownCopy(interaction.engagementId), calendarMonth: ownCopy(month), relationshipMonth: relationship, interactions: 0, minutes: 0 };
      slot = { engagement, components: new Map(), principles: new Map() };
      this.months.set(ownCopy(key), slot);
    }
    const { engagementId, calendarMonth: calendar } = slot.engagement;
    slot.engagement.interactions += 1;
    slot.engagement.minutes += interaction.durationMinutes;
    for (const c of interaction.components) {
      let row = slot.components.get(c.componentId);
      if (!row) {
        row = { engagementId, calendarMonth: calendar, relationshipMonth: relationship, componentId: ownCopy(c.componentId), interactions: 0, minutes: 0, activityUses: 0 };
        slot.components.set(row.componentId, row);
      }
      row.interactions += 1;
      row.minutes += c.minutes;
      row.activityUses += c.activityIds.length;
    }
    for (const p of interaction.principles) {
      let row = slot.principles.get(p.principleId);
      if (!row) {
        row = { engagementId, calendarMonth: calendar, relationshipMonth: relationship, principleId: ownCopy(p.principleId), interactions: 0, ratings: 0, ratingSum: 0 };
        slot.principles.set(row.principleId, row);
      }
      row.interactions += 1;
      if (p.rating !== null) {
        row.ratings += 1;
        row.ratingSum += p.rating;
      }
    }
  }

  contributions(): DoseContribution[] {
    return [...this.months.values()].map((m) => ({ engagement: m.engagement, components: [...m.components.values()], principles: [...m.principles.values()] }));
  }

  private relationshipMonthOf(engagementStart: string, date: string): number {
    const key = engagementStart + date;
    let month = this.relationshipMonths.get(key);
    if (month === undefined) {
      if (this.relationshipMonths.size >= 100_000) this.relationshipMonths.clear();
      month = relationshipMonth(engagementStart, date);
      this.relationshipMonths.set(ownCopy(key), month);
    }
    return month;
  }
}
