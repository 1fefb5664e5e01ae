import { roleLabels, roles } from '../../domain/roles.ts';

/** Choices for a role picker, most privileged first. */
export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
