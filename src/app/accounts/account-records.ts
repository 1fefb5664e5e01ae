import { conflict } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { TenantStore } from '../../store/store.ts';

export async function addMembership(
  tenant: TenantStore,
  userId: string,
  role: Role,
  actor: string | null,
): Promise<void> {
  if (await tenant.members.find(userId))
    throw conflict('This person is already a member', [
      { path: 'email', message: 'is already a member of this organization' },
    ]);
  await tenant.members.add(userId, role);
  await tenant.recordHistory({ entity: 'membership', entityId: userId, action: 'create', actor, changes: { role } });
}
