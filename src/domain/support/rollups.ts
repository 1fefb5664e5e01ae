import { calendarMonth, relationshipMonth } from './months.ts';
import type { ComponentUse } from './schemas.ts';

/**
 * Monthly dose: what each interaction adds to its engagement's month (calendar month and month of the
 * relationship), in total and per component. Stores keep these sums in the same transaction as every
 * write, so dashboards read sums instead of scanning interactions.
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

export interface DoseContribution {
  engagement: EngagementMonthDose;
  components: ComponentMonthDose[];
}

export interface DoseSource {
  engagementId: string;
  date: string;
  durationMinutes: number;
  components: Pick<ComponentUse, 'componentId' | 'minutes' | 'activityIds'>[];
}

/** What one interaction adds (sign 1) to, or removes (sign -1) from, the monthly dose. */
export function doseContribution(interaction: DoseSource, engagementStart: string, sign: 1 | -1): DoseContribution {
  const month: DoseMonth = {
    engagementId: interaction.engagementId,
    calendarMonth: calendarMonth(interaction.date),
    relationshipMonth: relationshipMonth(engagementStart, interaction.date),
  };
  return {
    engagement: { ...month, interactions: sign, minutes: sign * interaction.durationMinutes },
    components: interaction.components.map((c) => ({
      ...month,
      componentId: c.componentId,
      interactions: sign,
      minutes: sign * c.minutes,
      activityUses: sign * c.activityIds.length,
    })),
  };
}

const monthKey = (d: DoseMonth) => `${d.engagementId}|${d.calendarMonth}|${d.relationshipMonth}`;

/** The complete monthly dose of a set of interactions, computed from scratch: what `praxis check` compares against. */
export function computeDose(interactions: DoseSource[], engagementStarts: ReadonlyMap<string, string>): { engagementMonths: EngagementMonthDose[]; componentMonths: ComponentMonthDose[] } {
  const engagementMonths = new Map<string, EngagementMonthDose>();
  const componentMonths = new Map<string, ComponentMonthDose>();
  for (const interaction of interactions) {
    const start = engagementStarts.get(interaction.engagementId);
    if (start === undefined) continue;
    const { engagement, components } = doseContribution(interaction, start, 1);
    const key = monthKey(engagement);
    const e = engagementMonths.get(key);
    if (e) {
      e.interactions += engagement.interactions;
      e.minutes += engagement.minutes;
    } else engagementMonths.set(key, engagement);
    for (const c of components) {
      const ckey = `${key}|${c.componentId}`;
      const existing = componentMonths.get(ckey);
      if (existing) {
        existing.interactions += c.interactions;
        existing.minutes += c.minutes;
        existing.activityUses += c.activityUses;
      } else componentMonths.set(ckey, c);
    }
  }
  return { engagementMonths: [...engagementMonths.values()], componentMonths: [...componentMonths.values()] };
}
