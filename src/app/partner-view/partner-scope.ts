import type { Member } from '../../domain/accounts/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import { contactsOf, partnerSubtree } from '../../domain/partner-view/rules.ts';
import type { Contact, Engagement, Partner } from '../../domain/support/schemas.ts';
import type { TenantStore } from '../../store/store.ts';

/** What one partner member may see: their partner, the partners below it, their engagements and contacts. */
export interface PartnerScope {
  member: Member;
  partner: Partner | null;
  partners: Map<string, Partner>;
  engagements: Engagement[];
  /** The contacts of the subtree that are the member (same e-mail address). */
  ownContacts: Contact[];
}

/**
 * The partner scope of a signed-in member: empty until an administrator attaches them to a partner.
 * Deleted partners and engagements are outside it.
 */
export async function partnerScopeOf(tenant: TenantStore, userId: string): Promise<PartnerScope> {
  const member = await tenant.members.find(userId);
  if (!member) throw notFound('Member');
  const empty = { member, partner: null, partners: new Map(), engagements: [], ownContacts: [] };
  if (member.role !== 'partner' || member.partnerId === null) return empty;
  const all = await tenant.partners.list();
  const subtree = partnerSubtree(all, member.partnerId);
  const partner = all.find((p) => p.id === member.partnerId);
  if (!partner) return empty;
  const [engagements, contacts] = await Promise.all([tenant.engagements.list(), tenant.contacts.list()]);
  return {
    member,
    partner,
    partners: new Map(all.filter((p) => subtree.has(p.id)).map((p) => [p.id, p])),
    engagements: engagements.filter((e) => subtree.has(e.partnerId)),
    ownContacts: contactsOf(
      contacts.filter((c) => subtree.has(c.partnerId)),
      member,
    ),
  };
}

/** One engagement of the scope; any other — another partner's, deleted, or none at all — is not found. */
export function scopedEngagement(scope: PartnerScope, engagementId: string): Engagement {
  const engagement = scope.engagements.find((e) => e.id === engagementId);
  if (!engagement) throw notFound('Engagement');
  return engagement;
}
