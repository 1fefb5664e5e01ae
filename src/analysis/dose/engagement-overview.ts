import type { PracticeModel } from '../../model/schema.ts';
import type { ComponentMonthDose, EngagementMonthDose } from '../../domain/support/rollups.ts';
import { calendarMonth, relationshipMonth } from '../../domain/support/months.ts';

/** Dose per month of the relationship, every month from the first to `throughMonth`, months without contact as zero. */
export function doseByRelationshipMonth(
  months: EngagementMonthDose[],
  throughMonth: number,
): { month: number; interactions: number; minutes: number }[] {
  const series = Array.from({ length: Math.max(0, throughMonth) }, (_, i) => ({
    month: i + 1,
    interactions: 0,
    minutes: 0,
  }));
  for (const m of months) {
    const slot = series[m.relationshipMonth - 1];
    if (!slot) continue;
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
  }
  return series;
}

/** Median of a list of numbers (mean of the middle two for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface ThisMonthDose {
  calendarMonth: string;
  interactions: number;
  minutes: number;
  /** Median minutes per calendar month over up to 12 earlier months of the relationship, months without contact counting as zero; null before a first full month. */
  usualMinutes: number | null;
  monthsCompared: number;
}

/** This calendar month's dose against the engagement's usual monthly dose. */
export function thisMonthDose(months: EngagementMonthDose[], startDate: string, today: string): ThisMonthDose {
  const current = calendarMonth(today);
  const byMonth = new Map<string, { interactions: number; minutes: number }>();
  for (const m of months) {
    const slot = byMonth.get(m.calendarMonth) ?? { interactions: 0, minutes: 0 };
    slot.interactions += m.interactions;
    slot.minutes += m.minutes;
    byMonth.set(m.calendarMonth, slot);
  }
  const earlier: number[] = [];
  const [y, mo] = current.split('-').map(Number) as [number, number];
  for (let back = 1; back <= 12; back += 1) {
    const d = new Date(Date.UTC(y, mo - 1 - back, 1));
    const key = d.toISOString().slice(0, 7);
    if (key < calendarMonth(startDate)) break;
    earlier.push(byMonth.get(key)?.minutes ?? 0);
  }
  const now = byMonth.get(current) ?? { interactions: 0, minutes: 0 };
  return {
    calendarMonth: current,
    interactions: now.interactions,
    minutes: now.minutes,
    usualMinutes: median(earlier),
    monthsCompared: earlier.length,
  };
}

export interface ComponentShare {
  componentId: string;
  minutes: number;
  share: number;
}

/** Share of minutes by component in each month of the relationship (the component mix over time). */
export function componentMixByRelationshipMonth(
  months: ComponentMonthDose[],
  model: PracticeModel,
): { month: number; totalMinutes: number; components: ComponentShare[] }[] {
  const order = new Map(model.components.map((c, i) => [c.id, i]));
  const byMonth = new Map<number, Map<string, number>>();
  for (const m of months) {
    const slot = byMonth.get(m.relationshipMonth) ?? new Map<string, number>();
    slot.set(m.componentId, (slot.get(m.componentId) ?? 0) + m.minutes);
    byMonth.set(m.relationshipMonth, slot);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, minutes]) => {
      const total = [...minutes.values()].reduce((s, v) => s + v, 0);
      const components = [...minutes.entries()]
        .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b))
        .map(([componentId, m]) => ({ componentId, minutes: m, share: total > 0 ? m / total : 0 }));
      return { month, totalMinutes: total, components };
    });
}

export interface OpenNextStep {
  interactionId: string;
  interactionDate: string;
  text: string;
  owner: string;
  dueDate: string | null;
  overdue: boolean;
}

/** Next steps not yet done (as the next-step index holds them, in order of interaction date), soonest due first, undated last. */
export function openNextSteps(
  steps: { interactionId: string; interactionDate: string; text: string; owner: string; dueDate: string | null }[],
  today: string,
): OpenNextStep[] {
  const open = steps.map((s) => ({
    interactionId: s.interactionId,
    interactionDate: s.interactionDate,
    text: s.text,
    owner: s.owner,
    dueDate: s.dueDate,
    overdue: s.dueDate !== null && s.dueDate < today,
  }));
  return open.sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.interactionDate.localeCompare(b.interactionDate),
  );
}

export interface PrincipleUseSummary {
  principleId: string;
  interactions: number;
  meanRating: number | null;
  ratings: number;
}

/** How often each of the model's principles was applied, and its mean self-rating where rated, from the principle rollup's totals. */
export function principleUse(
  totals: { principleId: string; interactions: number; ratings: number; ratingSum: number }[],
  model: PracticeModel,
): PrincipleUseSummary[] {
  const byPrinciple = new Map(totals.map((t) => [t.principleId, t]));
  return model.principles.map((p) => {
    const t = byPrinciple.get(p.id) ?? { interactions: 0, ratings: 0, ratingSum: 0 };
    return {
      principleId: p.id,
      interactions: t.interactions,
      ratings: t.ratings,
      meanRating: t.ratings ? t.ratingSum / t.ratings : null,
    };
  });
}

/** The relationship month an engagement is in today (at least 1), capped at its end date. */
export function currentRelationshipMonth(startDate: string, endDate: string | null, today: string): number {
  const last = endDate !== null && endDate < today ? endDate : today;
  return Math.max(1, relationshipMonth(startDate, last));
}
