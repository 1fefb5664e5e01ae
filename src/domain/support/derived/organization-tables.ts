import type { OrganizationDeclaration } from './declaration.ts';
import {
  activityMonthUse,
  componentMonthDose,
  engagementMonthDose,
  modeMonthUse,
  principleMonthUse,
} from './engagement-tables.ts';

/**
 * The organization-level derived tables: sums of an engagement-level table over the organization's
 * engagements, so whole-organization reads take a few rows per month.
 */

/** Interactions and minutes per calendar month, and how many engagements had contact in it. */
export const organizationMonthDose: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_month_dose',
  from: engagementMonthDose,
  grain: 'calendar_month',
  key: { calendar_month: 'text' },
  sums: ['interactions', 'minutes'],
  engagementCount: 'engagements',
};

export const organizationComponentMonthDose: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_component_month_dose',
  from: componentMonthDose,
  grain: 'calendar_month',
  key: { calendar_month: 'text', component_id: 'text' },
  sums: ['interactions', 'minutes', 'activity_uses'],
};

/** The component mix over the relationship for the whole organization. */
export const organizationRelationshipComponentDose: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_relationship_component_dose',
  from: componentMonthDose,
  grain: 'relationship_month',
  key: { relationship_month: 'integer', component_id: 'text' },
  sums: ['interactions', 'minutes', 'activity_uses'],
};

/**
 * The component mix per calendar month and month of the relationship for the whole organization: a
 * calendar period's mix over the relationship is the sum of its months' rows, a few per month of the
 * relationship and component, where summing the engagements' rows reads every engagement's.
 */
export const organizationCalendarComponentDose: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_calendar_component_dose',
  from: componentMonthDose,
  grain: 'calendar_month',
  key: { calendar_month: 'text', relationship_month: 'integer', component_id: 'text' },
  sums: ['interactions', 'minutes', 'activity_uses'],
};

export const organizationModeMonthUse: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_mode_month_use',
  from: modeMonthUse,
  grain: 'calendar_month',
  key: { calendar_month: 'text', mode: 'text' },
  sums: ['interactions', 'minutes'],
};

export const organizationPrincipleMonthUse: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_principle_month_use',
  from: principleMonthUse,
  grain: 'calendar_month',
  key: { calendar_month: 'text', principle_id: 'text' },
  sums: ['interactions', 'ratings', 'rating_sum'],
};

export const organizationActivityMonthUse: OrganizationDeclaration = {
  level: 'organization',
  table: 'organization_activity_month_use',
  from: activityMonthUse,
  grain: 'calendar_month',
  key: { calendar_month: 'text', component_id: 'text', activity_id: 'text' },
  sums: ['interactions'],
};
