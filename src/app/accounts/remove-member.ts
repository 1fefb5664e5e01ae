import { assertKeepsAnAdmin } from '../../domain/accounts/rules.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

export async function removeMember(
  store: Store,
  organizationId: string,
  userId: string,
  actor: string | null,
): Promise<void> {
  await store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const members = await tenant.members.list();
    const member = members.find((m) => m.userId === userId);
    if (!member) throw notFound('Member');
    assertKeepsAnAdmin(members, userId, null);
    await tenant.members.remove(userId);
    await tenant.recordHistory({
      entity: 'membership',
      entityId: userId,
      action: 'delete',
      actor,
      changes: { role: member.role },
    });
  });
}
