import type { DerivedDeclaration, EngagementDeclaration, OrganizationDeclaration } from './declaration.ts';
import {
  activityMonthUse,
  componentMonthDose,
  engagementMonthDose,
  modeMonthUse,
  principleMonthUse,
  relationshipMonthDose,
} from './engagement-tables.ts';
import {
  organizationActivityMonthUse,
  organizationCalendarComponentDose,
  organizationComponentMonthDose,
  organizationModeMonthUse,
  organizationMonthDose,
  organizationPrincipleMonthUse,
  organizationRelationshipComponentDose,
} from './organization-tables.ts';
import { nextStepDueMonth, organizationNextStepDueMonth } from './next-step-due-month.ts';
import { practitionerComponentMonth } from './practitioner-component-month.ts';

/** Every engagement-level derived table. Adding a view: declare it, list it here, add its migration and its read. */
export const engagementTables: readonly EngagementDeclaration[] = [
  engagementMonthDose,
  relationshipMonthDose,
  componentMonthDose,
  principleMonthUse,
  modeMonthUse,
  activityMonthUse,
  practitionerComponentMonth,
  nextStepDueMonth,
];

/** Every organization-level derived table; each sums one of `engagementTables`. */
export const organizationTables: readonly OrganizationDeclaration[] = [
  organizationMonthDose,
  organizationComponentMonthDose,
  organizationRelationshipComponentDose,
  organizationCalendarComponentDose,
  organizationModeMonthUse,
  organizationPrincipleMonthUse,
  organizationActivityMonthUse,
  organizationNextStepDueMonth,
];

export const derivedTables: readonly DerivedDeclaration[] = [...engagementTables, ...organizationTables];
