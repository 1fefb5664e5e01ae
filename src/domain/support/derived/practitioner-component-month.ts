import { summedPerInteraction } from './summed-per-interaction.ts';

/**
 * Minutes and interactions per practitioner (who logged the interaction), component and calendar month,
 * per engagement: what coaching and signals read to see how each practitioner spends their time.
 */
export const practitionerComponentMonth = summedPerInteraction({
  table: 'practitioner_component_month',
  grain: 'calendar_month',
  key: { engagement_id: 'text', calendar_month: 'text', practitioner_id: 'text', component_id: 'text' },
  values: { interactions: 'integer', minutes: 'integer' },
  contributions: (i, m) =>
    i.components.map((c) => ({
      engagement_id: i.engagementId,
      calendar_month: m.calendarMonth,
      practitioner_id: i.loggedBy,
      component_id: c.componentId,
      interactions: 1,
      minutes: c.minutes,
    })),
});
