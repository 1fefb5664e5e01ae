import { AppError, notFound } from '../domain/errors.ts';
import { Role } from '../domain/roles.ts';
import type { OrganizationRecord } from '../store/repositories/organizations.ts';
import type { UserWithSecret } from '../store/repositories/users.ts';
import type { Store } from '../store/store.ts';

/** Looks up what a person names on the command line, failing with a message that says what was not found. */
export async function resolveOrganization(store: Store, ref: string): Promise<OrganizationRecord> {
  const organization = await store.organizations.findByIdOrSlug(ref);
  if (!organization) throw notFound(`Organization "${ref}"`);
  return organization;
}

export async function resolveUser(store: Store, email: string): Promise<UserWithSecret> {
  const user = await store.users.findByEmail(email);
  if (!user) throw notFound(`User "${email}"`);
  return user;
}

export function parseRole(value: string): Role {
  const parsed = Role.safeParse(value);
  if (!parsed.success)
    throw new AppError('validation_failed', `Unknown role "${value}"`, [
      { path: '--role', message: `must be one of ${Role.options.join(', ')}` },
    ]);
  return parsed.data;
}

/** Validates one value with a zod schema, naming the option on failure. */
export function parseOption<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  option: string,
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError('validation_failed', `Invalid ${option}`, [
      { path: option, message: parsed.error.issues.map((i) => i.message).join('; ') },
    ]);
  return parsed.data;
}
