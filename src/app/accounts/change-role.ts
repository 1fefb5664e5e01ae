import type { Member } from '../../domain/accounts/schemas.ts';
import { assertKeepsAnAdmin } from '../../domain/accounts/rules.ts';
import { notFound } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Store } from '../../store/store.ts';

export async function changeRole(
  store: Store,
  organizationId: string,
  userId: string,
  role: Role,
  actor: string | null,
): Promise<Member> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const members = await tenant.members.list();
    const member = members.find((m) => m.userId === userId);
    if (!member) throw notFound('Member');
    assertKeepsAnAdmin(members, userId, role);
    // Only a partner member belongs to a partner: another role leaves it.
    const partnerId = role === 'partner' ? member.partnerId : null;
    if (member.role !== role) {
      await tenant.members.setRole(userId, role);
      if (partnerId !== member.partnerId) await tenant.members.setPartner(userId, partnerId);
      await tenant.recordHistory({
        entity: 'membership',
        entityId: userId,
        action: 'update',
        actor,
        changes: {
          role: [member.role, role],
          ...(partnerId !== member.partnerId ? { partnerId: [member.partnerId, partnerId] } : {}),
        },
      });
    }
    return { ...member, role, partnerId };
  });
}
