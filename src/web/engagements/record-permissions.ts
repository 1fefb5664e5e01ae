import type { Role } from '../../domain/roles.ts';

/** Who may log and edit support records (the server's `records.edit`); others see them read-only. */
export const canEditRecords = (role: Role): boolean => role === 'admin' || role === 'lead' || role === 'practitioner';
