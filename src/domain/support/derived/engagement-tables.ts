import { componentDiversity } from '../diversity.ts';
import { sumRows, type EngagementDeclaration } from './declaration.ts';
import { monthsOf, summedPerInteraction } from './summed-per-interaction.ts';

/**
 * The engagement-level derived tables: each a pure function of one engagement's live interactions.
 * Pages and analyses read them instead of scanning interactions.
 */

/** Interactions and minutes per calendar month and month of the relationship. */
export const engagementMonthDose = summedPerInteraction({
  table: 'engagement_month_dose',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', relationship_month: 'integer' },
  values: { interactions: 'integer', minutes: 'integer' },
  contributions: (i, m) => [
    {
      engagement_id: i.engagementId,
      calendar_month: m.calendarMonth,
      relationship_month: m.relationshipMonth,
      interactions: 1,
      minutes: i.durationMinutes,
    },
  ],
});

/** Interactions, minutes and activity uses per component, calendar month and month of the relationship. */
export const componentMonthDose = summedPerInteraction({
  table: 'component_month_dose',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', relationship_month: 'integer', component_id: 'text' },
  values: { interactions: 'integer', minutes: 'integer', activity_uses: 'integer' },
  contributions: (i, m) =>
    i.components.map((c) => ({
      engagement_id: i.engagementId,
      calendar_month: m.calendarMonth,
      relationship_month: m.relationshipMonth,
      component_id: c.componentId,
      interactions: 1,
      minutes: c.minutes,
      activity_uses: c.activityIds.length,
    })),
});

/** How often each principle was applied, and the count and sum of its self-ratings where rated. */
export const principleMonthUse = summedPerInteraction({
  table: 'principle_month_use',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', relationship_month: 'integer', principle_id: 'text' },
  values: { interactions: 'integer', ratings: 'integer', rating_sum: 'integer' },
  contributions: (i, m) =>
    i.principles.map((p) => ({
      engagement_id: i.engagementId,
      calendar_month: m.calendarMonth,
      relationship_month: m.relationshipMonth,
      principle_id: p.principleId,
      interactions: 1,
      ratings: p.rating === null ? 0 : 1,
      rating_sum: p.rating ?? 0,
    })),
});

/** Interactions and minutes per mode of contact and calendar month. */
export const modeMonthUse = summedPerInteraction({
  table: 'mode_month_use',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', mode: 'text' },
  values: { interactions: 'integer', minutes: 'integer' },
  contributions: (i, m) => [
    {
      engagement_id: i.engagementId,
      calendar_month: m.calendarMonth,
      mode: i.mode,
      interactions: 1,
      minutes: i.durationMinutes,
    },
  ],
});

/** Interactions that used a practice activity of a component, per calendar month. */
export const activityMonthUse = summedPerInteraction({
  table: 'activity_month_use',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', component_id: 'text', activity_id: 'text' },
  values: { interactions: 'integer' },
  // An interaction lists a component, and an activity of it, at most once (`checkInteraction`).
  contributions: (i, m) =>
    i.components.flatMap((c) =>
      c.activityIds.map((activityId) => ({
        engagement_id: i.engagementId,
        calendar_month: m.calendarMonth,
        component_id: c.componentId,
        activity_id: activityId,
        interactions: 1,
      })),
    ),
});

/**
 * Per month of the relationship (one or two calendar months): interactions and minutes, and the
 * diversity of component use (components used, Shannon entropy, dominant component; see
 * `componentDiversity`), which is not a sum and so is measured from the month's component minutes.
 */
export const relationshipMonthDose: EngagementDeclaration = {
  level: 'engagement',
  table: 'relationship_month_dose',
  grain: 'relationship_month',
  key: { engagement_id: 'text', relationship_month: 'integer' },
  values: {
    interactions: 'integer',
    minutes: 'integer',
    components_used: 'integer',
    entropy: 'real',
    dominant_component: 'text',
  },
  rows: (source) => {
    const components = new Map<number, { componentId: string; minutes: number }[]>();
    const months = sumRows(
      source.interactions.map((i) => {
        const month = monthsOf(source.startDate, i).relationshipMonth;
        const list = components.get(month) ?? [];
        for (const c of i.components) list.push({ componentId: c.componentId, minutes: c.minutes });
        components.set(month, list);
        return {
          engagement_id: i.engagementId,
          relationship_month: month,
          interactions: 1,
          minutes: i.durationMinutes,
        };
      }),
      ['relationship_month'],
      ['interactions', 'minutes'],
    );
    return months.map((row) => {
      const diversity = componentDiversity(components.get(row.relationship_month as number) ?? []);
      return {
        ...row,
        components_used: diversity?.componentsUsed ?? 0,
        entropy: diversity?.entropy ?? 0,
        dominant_component: diversity?.dominantComponent ?? null,
      };
    });
  },
};
