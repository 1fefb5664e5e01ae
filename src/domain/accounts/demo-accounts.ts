import type { Role } from '../roles.ts';

/** The synthetic demo organization: clearly labelled, never real data. */
export const demoOrganization = { name: 'Demo: Two-State Support Network (synthetic data)', slug: 'demo' } as const;

/** Shared by every demo login; printed by `praxis serve --demo` and the README. Never use it outside the demo. */
export const demoPassword = 'praxis-demo-password';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

/** One demo login per role. */
export const demoAccounts: DemoAccount[] = [
  { email: 'admin@demo.praxis.test', name: 'Ada Admin (demo)', role: 'admin' },
  { email: 'lead@demo.praxis.test', name: 'Lee Lead (demo)', role: 'lead' },
  { email: 'practitioner@demo.praxis.test', name: 'Pat Practitioner (demo)', role: 'practitioner' },
  { email: 'researcher@demo.praxis.test', name: 'Rae Researcher (demo)', role: 'researcher' },
  { email: 'partner@demo.praxis.test', name: 'Parker Partner (demo)', role: 'partner' },
];
