import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AttachPartnerRequest, ChangeRoleRequest, Id, ListOf, Member } from '../../domain/accounts/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { attachMemberToPartner } from '../../app/accounts/attach-member-to-partner.ts';
import { changeRole } from '../../app/accounts/change-role.ts';
import { removeMember } from '../../app/accounts/remove-member.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';

const MemberParams = OrgParams.extend({ userId: Id });

/** Members of an organization and their roles. People join by invitation (see ../invitations/routes.ts). */
export async function memberRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/members',
    {
      schema: {
        tags: ['members'],
        summary: 'List members',
        params: OrgParams,
        response: { 200: ListOf(Member), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.view');
      return { items: await store.tenant(access.organizationId).members.list() };
    },
  );

  r.get(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'One member',
        params: MemberParams,
        response: { 200: Member, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.view');
      const member = await store.tenant(access.organizationId).members.find(request.params.userId);
      if (!member) throw notFound('Member');
      return member;
    },
  );

  r.patch(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        params: MemberParams,
        body: ChangeRoleRequest,
        response: { 200: Member, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.manage');
      return changeRole(store, access.organizationId, request.params.userId, request.body.role, access.actor);
    },
  );

  r.put(
    '/api/orgs/:orgId/members/:userId/partner',
    {
      schema: {
        tags: ['members'],
        summary: 'Attach a partner member to a partner (they see its engagements and those below it); null detaches',
        params: MemberParams,
        body: AttachPartnerRequest,
        response: { 200: Member, ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.manage');
      return attachMemberToPartner(
        store,
        access.organizationId,
        request.params.userId,
        request.body.partnerId,
        access.actor,
      );
    },
  );

  r.delete(
    '/api/orgs/:orgId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member',
        params: MemberParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.manage');
      await removeMember(store, access.organizationId, request.params.userId, access.actor);
      return reply.status(204).send(null);
    },
  );
}
