import { z } from 'zod';

/** The roles a member can hold in an organization, from most to least privileged. */
export const roles = ['admin', 'lead', 'practitioner', 'researcher', 'partner'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  lead: 'Support team lead / coach',
  practitioner: 'Implementation support practitioner',
  researcher: 'Researcher / evaluator',
  partner: 'Partner',
};
