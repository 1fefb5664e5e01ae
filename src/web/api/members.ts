import { ListOf, Member } from '../../domain/accounts/schemas.ts';
import type { Role } from '../../domain/roles.ts';
import { apiGet, apiRequest, segment } from './client.ts';

const MemberList = ListOf(Member);
const membersPath = (orgId: string): string => `/api/orgs/${segment(orgId)}/members`;

export const listMembers = async (orgId: string, signal?: AbortSignal): Promise<Member[]> =>
  (await apiGet(membersPath(orgId), MemberList, signal)).items;

export const changeMemberRole = (orgId: string, userId: string, role: Role): Promise<Member> =>
  apiRequest('PATCH', `${membersPath(orgId)}/${segment(userId)}`, { body: { role }, schema: Member });

export const removeMember = (orgId: string, userId: string): Promise<void> =>
  apiRequest('DELETE', `${membersPath(orgId)}/${segment(userId)}`);

/** Attaches a partner member to a partner (they see its engagements and those below it); null detaches. */
export const attachMemberToPartner = (orgId: string, userId: string, partnerId: string | null): Promise<Member> =>
  apiRequest('PUT', `${membersPath(orgId)}/${segment(userId)}/partner`, { body: { partnerId }, schema: Member });
