import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptedInvitation,
  CreatedInvitation,
  Invitation,
  InvitationAccountRequest,
  InvitationView,
  InviteMemberRequest,
} from '../../domain/accounts/invitations.ts';
import { Id, ListOf, SessionView } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';
import { requireAccess, requireUser } from '../auth/principal.ts';
import { startSession } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';
import { acceptInvitation } from '../../app/invitations/accept-invitation.ts';
import { createInvitedAccount } from '../../app/invitations/create-invited-account.ts';
import { declineInvitation } from '../../app/invitations/decline-invitation.ts';
import { inviteMember } from '../../app/invitations/invite-member.ts';
import { listPendingInvitations } from '../../app/invitations/list-pending-invitations.ts';
import { readInvitation } from '../../app/invitations/read-invitation.ts';
import { revokeInvitation } from '../../app/invitations/revoke-invitation.ts';

const InvitationParams = OrgParams.extend({ invitationId: Id });
const TokenParams = z.object({ token: z.string().min(20).max(200) });

/**
 * Invitations to join an organization: administrators send and revoke them; the invitee opens the
 * link (its token is the credential, rate-limited per address like login) and accepts or declines.
 */
export async function invitationRoutes(app: FastifyInstance, { store, config }: { store: Store; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invitations'];
  const limited = { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } };

  r.get(
    '/api/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'List pending invitations (never their links)',
        params: OrgParams,
        response: { 200: ListOf(Invitation), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.manage');
      return { items: await listPendingInvitations(store, access.organizationId) };
    },
  );

  r.post(
    '/api/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a person by email; the link is in this response only',
        description:
          'The answer is the same whether or not the email has an account. Membership is created only when the invitee accepts.',
        params: OrgParams,
        body: InviteMemberRequest,
        response: { 201: CreatedInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.manage');
      const created = await inviteMember(
        store,
        access.organizationId,
        request.body,
        access.actor,
        config.invitationExpiryDays,
      );
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  r.delete(
    '/api/orgs/:orgId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Revoke a pending invitation; its link stops working',
        params: InvitationParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'members.manage');
      await revokeInvitation(store, access.organizationId, request.params.invitationId, access.actor);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/invitations/:token',
    {
      config: limited,
      schema: {
        tags,
        summary: 'What an invitation link offers: organization, role and invited email (no account needed)',
        security: [],
        params: TokenParams,
        response: { 200: InvitationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readInvitation(store, request.params.token);
    },
  );

  r.post(
    '/api/invitations/:token/account',
    {
      config: { ...limited, csrf: false },
      schema: {
        tags,
        summary: 'Create the account of the invited email and sign in (then accept or decline)',
        security: [],
        params: TokenParams,
        body: InvitationAccountRequest,
        response: { 201: SessionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await createInvitedAccount(store, request.params.token, request.body);
      return reply.status(201).send(await startSession(store, config, request, reply, user.id));
    },
  );

  r.post(
    '/api/invitations/:token/accept',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Accept, signed in with the invited email: you become a member with the invited role',
        security: [{ session: [] }],
        params: TokenParams,
        response: { 200: AcceptedInvitation, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireUser(request);
      return acceptInvitation(store, request.params.token, userId);
    },
  );

  r.post(
    '/api/invitations/:token/decline',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Decline: nothing is created and the link is used up (no account needed)',
        security: [],
        params: TokenParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = request.principal?.kind === 'session' ? request.principal.userId : null;
      await declineInvitation(store, request.params.token, actor);
      return reply.status(204).send(null);
    },
  );
}
