import type { FastifyRequest } from 'fastify';
import { can, type Action } from '../../domain/accounts/policy.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Store } from '../../store/store.ts';

/** Who is making a request: a person through a login session, or a script through an API token. */
export type Principal =
  | { kind: 'session'; userId: string; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; organizationId: string; role: Role; createdBy: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** On organization routes (`/api/orgs/:orgId/…`), the caller's membership, resolved before the body is read. */
    organizationAccess: Access | null;
  }
}

/** What a request may do inside one organization, after authentication and authorization. */
export interface Access {
  organizationId: string;
  role: Role;
  /** Written to history as the author of a change: a user id, or `token:<id>`. */
  actor: string;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Log in or send an API token');
  return request.principal;
}

/** The signed-in person; API tokens act for an organization, not for a person, so they are refused here. */
export function requireUser(request: FastifyRequest): { userId: string; sessionId: string } {
  const principal = requirePrincipal(request);
  if (principal.kind !== 'session') throw new AppError('forbidden', 'This needs a signed-in person, not an API token');
  return { userId: principal.userId, sessionId: principal.sessionId };
}

/**
 * The caller's role in an organization. A caller with no membership gets 404, so the existence of
 * another organization's data is never revealed.
 */
export async function resolveMembership(
  request: FastifyRequest,
  store: Store,
  organizationId: string,
): Promise<Access> {
  const principal = requirePrincipal(request);
  if (principal.kind === 'token') {
    if (principal.organizationId !== organizationId) throw notFound('Organization');
    return { organizationId, role: principal.role, actor: `token:${principal.tokenId}` };
  }
  const member = await store.tenant(organizationId).members.find(principal.userId);
  if (!member) throw notFound('Organization');
  return { organizationId, role: member.role, actor: principal.userId };
}

/**
 * Resolves the caller's role in an organization and checks the action against the policy. On
 * organization routes the membership was resolved as the request arrived (`authenticate`); it is
 * looked up here only for another organization.
 */
export async function requireAccess(
  request: FastifyRequest,
  store: Store,
  organizationId: string,
  action: Action,
): Promise<Access> {
  const resolved = request.organizationAccess;
  const access =
    resolved?.organizationId === organizationId ? resolved : await resolveMembership(request, store, organizationId);
  if (!can(access.role, action)) {
    // A partner sees records only through the partner view; elsewhere a record they may not read is
    // not found, so no route confirms that another partner's engagement (or any staff record) exists.
    if (access.role === 'partner' && namesRecord(request)) throw notFound('Record');
    throw forbidden();
  }
  return access;
}

/** Whether the route names a record of the organization in its path (anything besides the organization). */
function namesRecord(request: FastifyRequest): boolean {
  const params = request.params;
  return typeof params === 'object' && params !== null && Object.keys(params).some((name) => name !== 'orgId');
}
