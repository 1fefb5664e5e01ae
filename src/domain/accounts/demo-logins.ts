import { z } from 'zod';
import { Role } from '../roles.ts';

/** What the sign-in page may know of the demo: whether it is loaded, and one login per role. */
export const DemoLogins = z.object({
  exists: z.boolean(),
  logins: z.array(z.object({ email: z.string(), role: Role })),
});
export type DemoLogins = z.infer<typeof DemoLogins>;
