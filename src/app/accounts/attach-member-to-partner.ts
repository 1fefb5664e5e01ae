import type { Member } from '../../domain/accounts/schemas.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

/**
 * Attaches a partner-role member to a partner, so they see its engagements and those of the partners
 * below it; null detaches them. Only partner-role members are attached; the change is kept in the
 * membership's history.
 */
export async function attachMemberToPartner(
  store: Store,
  organizationId: string,
  userId: string,
  partnerId: string | null,
  actor: string | null,
): Promise<Member> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const member = await tenant.members.find(userId);
    if (!member) throw notFound('Member');
    if (partnerId !== null && member.role !== 'partner')
      throw invalid('Only a partner member is attached to a partner', [
        { path: 'partnerId', message: `${member.name} is not a partner member; change the role to Partner first` },
      ]);
    if (partnerId !== null && !(await tenant.partners.find(partnerId)))
      throw invalid('The partner is not valid', [
        { path: 'partnerId', message: `no partner "${partnerId}" in this organization` },
      ]);
    if (member.partnerId !== partnerId) {
      await tenant.members.setPartner(userId, partnerId);
      await tenant.recordHistory({
        entity: 'membership',
        entityId: userId,
        action: 'update',
        actor,
        changes: { partnerId: [member.partnerId, partnerId] },
      });
    }
    return { ...member, partnerId };
  });
}
