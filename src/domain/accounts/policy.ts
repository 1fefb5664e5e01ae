import { forbidden } from '../errors.ts';
import type { Role } from '../roles.ts';

/**
 * What each role may do: the single place authorization is decided. Handlers name an action; they
 * never compare roles themselves.
 */
export const permissions = {
  'organization.view': ['admin', 'lead', 'practitioner', 'researcher', 'partner'],
  'members.view': ['admin', 'lead'],
  'members.manage': ['admin'],
  'tokens.manage': ['admin'],
  'history.view': ['admin', 'lead', 'practitioner', 'researcher'],
  'models.view': ['admin', 'lead', 'practitioner', 'researcher', 'partner'],
  'models.publish': ['admin'],
  'records.view': ['admin', 'lead', 'practitioner', 'researcher'],
  'records.edit': ['admin', 'lead', 'practitioner'],
  'measures.view': ['admin', 'lead', 'practitioner', 'researcher'],
  'measures.manage': ['admin', 'lead', 'practitioner'],
  'instruments.publish': ['admin', 'lead'],
  'hypotheses.view': ['admin', 'lead', 'researcher'],
  'hypotheses.manage': ['admin', 'researcher'],
  'research.export': ['admin', 'lead', 'researcher'],
  'signals.configure': ['admin'],
  // Coaching records are further limited to the practitioner and those who coach them (domain/coaching/coaches.ts).
  'coaching.view': ['admin', 'lead', 'practitioner'],
  'coaching.edit': ['admin', 'lead', 'practitioner'],
  'coaching.settings': ['admin'],
  // Engagements of the member's own partner and those below it (app/partner-view/partner-scope.ts).
  'partner.view': ['partner'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/** Throws `forbidden` unless the role grants the action. */
export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) throw forbidden();
}
