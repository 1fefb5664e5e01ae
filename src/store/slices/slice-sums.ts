import type { ComponentDiversity } from '../../domain/support/diversity.ts';
import type { PracticeTotals } from '../../domain/support/practice-totals.ts';
import { monthNumber, monthOfNumber, type EngagementSummary, type Vocabulary } from './engagement-summaries.ts';

/** Calendar months `YYYY-MM`, inclusive; either end may be open. */
export interface Period {
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
}

/** A period as month numbers (`monthNumber`), open ends made infinite. */
const bounds = (period: Period): { from: number; to: number } => ({
  from: period.fromMonth ? monthNumber(period.fromMonth) : -Infinity,
  to: period.toMonth ? monthNumber(period.toMonth) : Infinity,
});

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A calendar month's interactions, minutes and engagements with contact. */
export interface CalendarMonthTotals {
  calendarMonth: string;
  interactions: number;
  minutes: number;
  engagements: number;
}

/** A component's dose in a month of the relationship, summed over engagements. */
export interface ComponentTotals {
  relationshipMonth: number;
  componentId: string;
  interactions: number;
  minutes: number;
  activityUses: number;
}

/** A component's minutes in an engagement's calendar month and month of the relationship. */
export interface ComponentMonthMinutes {
  engagementId: string;
  calendarMonth: string;
  relationshipMonth: number;
  componentId: string;
  minutes: number;
}

/**
 * Sums over the derived rows of a selection of engagements (`SummaryCache`), for any period of calendar
 * months: what the analysis pages show of a slice of the support record. Each sum walks the typed
 * columns of the selected engagements once.
 */
export class Slice {
  private readonly summaries: readonly EngagementSummary[];

  constructor(
    summaries: readonly EngagementSummary[],
    private readonly vocabulary: Vocabulary,
  ) {
    // Rows come out engagement by engagement in the order of their ids as the analysis orders them
    // (`inEngagementOrder`), so it need not sort them again.
    const collator = new Intl.Collator();
    this.summaries = [...summaries].sort((a, b) => collator.compare(a.engagementId, b.engagementId));
  }

  /** The selected engagements' interactions, minutes and engagements with contact per calendar month of the period. */
  calendarMonthTotals(period: Period): CalendarMonthTotals[] {
    return calendarMonthTotals(this.summaries, period);
  }

  /**
   * Each month of the relationship of the selected engagements with contact in the period: its minutes
   * in the period, the diversity of the whole month, and, when the month also reaches outside the period
   * (a month of the relationship spans at most two calendar months), the calendar month of it inside.
   */
  relationshipMonthsInPeriod(period: Period): RelationshipMonthInPeriod[] {
    return relationshipMonthsInPeriod(this.summaries, period, this.vocabulary);
  }

  /** Dose per month of the relationship and component over the selected engagements and period. */
  componentTotalsInPeriod(period: Period): ComponentTotals[] {
    return componentTotalsInPeriod(this.summaries, period, this.vocabulary);
  }

  /** The component minutes of the selected engagements in the given calendar months (the edges of a period). */
  componentMonthsIn(calendarMonths: readonly string[]): ComponentMonthMinutes[] {
    return componentMonthsIn(this.summaries, calendarMonths, this.vocabulary);
  }

  /**
   * How support was given over the selected engagements and period: interactions, the mode mix,
   * principle use, and component and practice-activity use. Keys whose sums are all zero are left out.
   */
  practiceTotals(period: Period): PracticeTotals {
    return practiceTotals(this.summaries, period, this.vocabulary);
  }
}

function calendarMonthTotals(summaries: readonly EngagementSummary[], period: Period): CalendarMonthTotals[] {
  const { from, to } = bounds(period);
  const byMonth = new Map<number, { interactions: number; minutes: number; engagements: number; last: number }>();
  summaries.forEach((summary, index) => {
    const m = summary.tables.months;
    for (let i = 0; i < m.length; i++) {
      const month = m.calendar_month[i]!;
      if (month < from || month > to) continue;
      let slot = byMonth.get(month);
      if (!slot) byMonth.set(month, (slot = { interactions: 0, minutes: 0, engagements: 0, last: -1 }));
      slot.interactions += m.interactions[i]!;
      slot.minutes += m.minutes[i]!;
      // A calendar month can hold two months of the relationship: count its engagement once.
      if (slot.last !== index) {
        slot.engagements += 1;
        slot.last = index;
      }
    }
  });
  return [...byMonth]
    .sort(([a], [b]) => a - b)
    .map(([month, s]) => ({
      calendarMonth: monthOfNumber(month),
      interactions: s.interactions,
      minutes: s.minutes,
      engagements: s.engagements,
    }));
}

/** A month of an engagement's relationship as a period sees it. */
export interface RelationshipMonthInPeriod {
  engagementId: string;
  relationshipMonth: number;
  /** Minutes in the period. */
  minutes: number;
  /** Of the whole month; null when it has no component rows. */
  diversity: ComponentDiversity | null;
  /** The calendar month of it inside the period, when the month also reaches outside; otherwise null. */
  partlyInside: string | null;
}

function relationshipMonthsInPeriod(
  summaries: readonly EngagementSummary[],
  period: Period,
  vocabulary: Vocabulary,
): RelationshipMonthInPeriod[] {
  const { from, to } = bounds(period);
  const whole = from === -Infinity && to === Infinity;
  const components = vocabulary.component;
  const result: RelationshipMonthInPeriod[] = [];
  for (const summary of summaries) {
    const r = summary.tables.relationshipMonths;
    const diversityAt = (i: number): ComponentDiversity | null => {
      const dominant = r.dominant_component[i]!;
      return dominant < 0
        ? null
        : {
            componentsUsed: r.components_used[i]!,
            entropy: r.entropy[i]!,
            dominantComponent: components.text(dominant),
          };
    };
    if (whole) {
      for (let i = 0; i < r.length; i++)
        result.push({
          engagementId: summary.engagementId,
          relationshipMonth: r.relationship_month[i]!,
          minutes: r.minutes[i]!,
          diversity: diversityAt(i),
          partlyInside: null,
        });
      continue;
    }
    const rowOf = new Map<number, number>();
    for (let i = 0; i < r.length; i++) rowOf.set(r.relationship_month[i]!, i);
    // The calendar months of each month of the relationship near the period, inside it or not: its pieces.
    const pieces = new Map<number, { minutes: number; inside: number; pieces: number; insideMonth: number }>();
    const m = summary.tables.months;
    for (let i = 0; i < m.length; i++) {
      const month = m.calendar_month[i]!;
      if (month < from - 1 || month > to + 1) continue;
      const relationshipMonth = m.relationship_month[i]!;
      let slot = pieces.get(relationshipMonth);
      if (!slot) pieces.set(relationshipMonth, (slot = { minutes: 0, inside: 0, pieces: 0, insideMonth: -1 }));
      slot.pieces += 1;
      if (month >= from && month <= to) {
        slot.minutes += m.minutes[i]!;
        slot.inside += 1;
        slot.insideMonth = Math.max(slot.insideMonth, month);
      }
    }
    for (const [relationshipMonth, slot] of [...pieces].sort(([a], [b]) => a - b)) {
      const row = rowOf.get(relationshipMonth);
      if (slot.inside === 0 || row === undefined) continue;
      result.push({
        engagementId: summary.engagementId,
        relationshipMonth,
        minutes: slot.minutes,
        diversity: diversityAt(row),
        partlyInside: slot.inside < slot.pieces ? monthOfNumber(slot.insideMonth) : null,
      });
    }
  }
  return result;
}

/**
 * Sums kept in one array, `width` numbers per key: keys are small dense numbers (interned texts,
 * months of the relationship), so no map is needed.
 */
class DenseSums {
  sums: Float64Array;
  constructor(
    readonly width: number,
    keys = 64,
  ) {
    this.sums = new Float64Array(keys * width);
  }
  /** The first of a key's numbers, the array grown to hold it. */
  at(key: number): number {
    const at = key * this.width;
    if (at + this.width > this.sums.length) {
      const grown = new Float64Array(Math.max(this.sums.length * 2, at + this.width));
      grown.set(this.sums);
      this.sums = grown;
    }
    return at;
  }
  /** Every key with a sum other than zero, and its numbers. */
  *nonZero(): Generator<[number, Float64Array]> {
    for (let key = 0; key * this.width < this.sums.length; key++) {
      const numbers = this.sums.subarray(key * this.width, (key + 1) * this.width);
      if (numbers.some((n) => n !== 0)) yield [key, numbers];
    }
  }
}

/** Adds an engagement's component rows of the calendar months from `from` to `to` into sums per month of the relationship. */
function addComponentRows(perMonth: DenseSums[], summary: EngagementSummary, from: number, to: number, size: number) {
  const c = summary.tables.components;
  for (let i = 0; i < c.length; i++) {
    const month = c.calendar_month[i]!;
    if (month < from || month > to) continue;
    const sums = (perMonth[c.relationship_month[i]!] ??= new DenseSums(4, size));
    const at = sums.at(c.component_id[i]!);
    sums.sums[at]! += c.interactions[i]!;
    sums.sums[at + 1]! += c.minutes[i]!;
    sums.sums[at + 2]! += c.activity_uses[i]!;
    sums.sums[at + 3]! += 1;
  }
}

function componentTotalsInPeriod(
  summaries: readonly EngagementSummary[],
  period: Period,
  vocabulary: Vocabulary,
): ComponentTotals[] {
  const { from, to } = bounds(period);
  const components = vocabulary.component;
  // Per month of the relationship, per component: interactions, minutes, activity uses, rows.
  const perMonth: DenseSums[] = [];
  for (const summary of summaries) addComponentRows(perMonth, summary, from, to, components.size);
  const result: ComponentTotals[] = [];
  perMonth.forEach((sums, relationshipMonth) => {
    for (const [component, [interactions, minutes, activityUses]] of sums.nonZero())
      result.push({
        relationshipMonth,
        componentId: components.text(component),
        interactions: interactions!,
        minutes: minutes!,
        activityUses: activityUses!,
      });
  });
  return result.sort((a, b) => a.relationshipMonth - b.relationshipMonth || byText(a.componentId, b.componentId));
}

function componentMonthsIn(
  summaries: readonly EngagementSummary[],
  calendarMonths: readonly string[],
  vocabulary: Vocabulary,
): ComponentMonthMinutes[] {
  const wanted = new Set(calendarMonths.map(monthNumber));
  const result: ComponentMonthMinutes[] = [];
  if (wanted.size === 0) return result;
  for (const summary of summaries) {
    const c = summary.tables.components;
    for (let i = 0; i < c.length; i++) {
      if (!wanted.has(c.calendar_month[i]!)) continue;
      result.push({
        engagementId: summary.engagementId,
        calendarMonth: monthOfNumber(c.calendar_month[i]!),
        relationshipMonth: c.relationship_month[i]!,
        componentId: vocabulary.component.text(c.component_id[i]!),
        minutes: c.minutes[i]!,
      });
    }
  }
  return result;
}

/** Sums of a dense key space kept as its keys with a sum other than zero: one engagement's whole record. */
interface SparseSums {
  keys: Int32Array;
  /** `width` numbers per key. */
  sums: Float64Array;
}

const sparse = (dense: DenseSums): SparseSums => {
  const entries = [...dense.nonZero()];
  const sums = new Float64Array(entries.length * dense.width);
  entries.forEach(([, numbers], i) => sums.set(numbers, i * dense.width));
  return { keys: Int32Array.from(entries.map(([key]) => key)), sums };
};

const addSparse = (dense: DenseSums, part: SparseSums): void => {
  const width = dense.width;
  for (let i = 0; i < part.keys.length; i++) {
    const at = dense.at(part.keys[i]!);
    for (let w = 0; w < width; w++) dense.sums[at + w]! += part.sums[i * width + w]!;
  }
};

/** One engagement's practice sums over its whole record, summed once and kept beside its summary. */
interface WholePractice {
  interactions: number;
  modes: SparseSums;
  principles: SparseSums;
  components: SparseSums;
  /** Per component (the index), its activities. */
  activities: (SparseSums | undefined)[];
}

const wholePractice = new WeakMap<EngagementSummary, WholePractice>();

/** Practice sums being made: interactions, modes, principles, components, and activities per component. */
class PracticeSums {
  interactions = 0;
  readonly modes: DenseSums;
  readonly principles: DenseSums;
  readonly components: DenseSums;
  readonly activities: DenseSums[] = [];

  constructor(private readonly vocabulary: Vocabulary) {
    this.modes = new DenseSums(2, vocabulary.mode.size);
    this.principles = new DenseSums(3, vocabulary.principle.size);
    this.components = new DenseSums(1, vocabulary.component.size);
  }

  /** Adds an engagement's rows of the calendar months from `from` to `to` (month numbers). */
  addRows(summary: EngagementSummary, from: number, to: number): void {
    const { months: m, modes: o, principles: p, components: c, activities: a } = summary.tables;
    for (let i = 0; i < m.length; i++) {
      const month = m.calendar_month[i]!;
      if (month >= from && month <= to) this.interactions += m.interactions[i]!;
    }
    for (let i = 0; i < o.length; i++) {
      const month = o.calendar_month[i]!;
      if (month < from || month > to) continue;
      const at = this.modes.at(o.mode[i]!);
      this.modes.sums[at]! += o.interactions[i]!;
      this.modes.sums[at + 1]! += o.minutes[i]!;
    }
    for (let i = 0; i < p.length; i++) {
      const month = p.calendar_month[i]!;
      if (month < from || month > to) continue;
      const at = this.principles.at(p.principle_id[i]!);
      this.principles.sums[at]! += p.interactions[i]!;
      this.principles.sums[at + 1]! += p.ratings[i]!;
      this.principles.sums[at + 2]! += p.rating_sum[i]!;
    }
    for (let i = 0; i < c.length; i++) {
      const month = c.calendar_month[i]!;
      if (month < from || month > to) continue;
      this.components.sums[this.components.at(c.component_id[i]!)]! += c.interactions[i]!;
    }
    for (let i = 0; i < a.length; i++) {
      const month = a.calendar_month[i]!;
      if (month < from || month > to) continue;
      const sums = (this.activities[a.component_id[i]!] ??= new DenseSums(1, this.vocabulary.activity.size));
      sums.sums[sums.at(a.activity_id[i]!)]! += a.interactions[i]!;
    }
  }

  /** Adds an engagement's whole record, from the sums kept beside its summary (made the first time). */
  addWhole(summary: EngagementSummary): void {
    let whole = wholePractice.get(summary);
    if (!whole) {
      const own = new PracticeSums(this.vocabulary);
      own.addRows(summary, -Infinity, Infinity);
      whole = {
        interactions: own.interactions,
        modes: sparse(own.modes),
        principles: sparse(own.principles),
        components: sparse(own.components),
        activities: own.activities.map((sums) => (sums ? sparse(sums) : undefined)),
      };
      wholePractice.set(summary, whole);
    }
    this.interactions += whole.interactions;
    addSparse(this.modes, whole.modes);
    addSparse(this.principles, whole.principles);
    addSparse(this.components, whole.components);
    whole.activities.forEach((part, component) => {
      if (part) addSparse((this.activities[component] ??= new DenseSums(1, this.vocabulary.activity.size)), part);
    });
  }

  totals(): PracticeTotals {
    const vocabulary = this.vocabulary;
    const text = (space: keyof Vocabulary) => (n: number) => vocabulary[space].text(n);
    const component = text('component');
    return {
      interactions: this.interactions,
      modes: [...this.modes.nonZero()]
        .map(([mode, [n, minutes]]) => ({ mode: text('mode')(mode), interactions: n!, minutes: minutes! }))
        .sort((x, y) => byText(x.mode, y.mode)),
      principles: [...this.principles.nonZero()]
        .map(([principle, [n, ratings, ratingSum]]) => ({
          principleId: text('principle')(principle),
          interactions: n!,
          ratings: ratings!,
          ratingSum: ratingSum!,
        }))
        .sort((x, y) => byText(x.principleId, y.principleId)),
      components: [...this.components.nonZero()]
        .map(([c, [n]]) => ({ componentId: component(c), interactions: n! }))
        .sort((x, y) => byText(x.componentId, y.componentId)),
      activities: this.activities
        .flatMap((sums, c) =>
          [...sums.nonZero()].map(([activity, [uses]]) => ({
            componentId: component(c),
            activityId: text('activity')(activity),
            uses: uses!,
          })),
        )
        .sort((x, y) => byText(x.componentId, y.componentId) || byText(x.activityId, y.activityId)),
    };
  }
}

function practiceTotals(
  summaries: readonly EngagementSummary[],
  period: Period,
  vocabulary: Vocabulary,
): PracticeTotals {
  const { from, to } = bounds(period);
  const sums = new PracticeSums(vocabulary);
  // Without a period each engagement adds the sums of its whole record, made once for what is held.
  const whole = from === -Infinity && to === Infinity;
  for (const summary of summaries) {
    if (whole) sums.addWhole(summary);
    else sums.addRows(summary, from, to);
  }
  return sums.totals();
}
