import type { Role } from '../../domain/roles.ts';

/**
 * What the interface offers to each role. The server decides what is allowed; this only hides
 * what would be refused.
 */
export const canAdminister = (role: Role): boolean => role === 'admin';
