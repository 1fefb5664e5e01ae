import { conflict } from '../errors.ts';
import type { Member } from './schemas.ts';
import type { Role } from '../roles.ts';

/** Refuses a change that would leave an organization with no administrator. */
export function assertKeepsAnAdmin(members: Member[], userId: string, newRole: Role | null): void {
  const admins = members.filter((m) => m.role === 'admin');
  const target = members.find((m) => m.userId === userId);
  if (target?.role === 'admin' && newRole !== 'admin' && admins.length === 1) {
    throw conflict('An organization needs at least one administrator', [
      { path: 'role', message: 'the last administrator cannot be removed or demoted' },
    ]);
  }
}

/** A URL-safe slug from an organization's name: `Northern Region Hub` → `northern-region-hub`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `org-${slug || 'new'}`;
}
