import type { FastifyRequest } from 'fastify';
import { authorize, type Action } from '../../domain/accounts/policy.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import type { Store } from '../../store/store.ts';

/** Who is making a request: a person through a login session, or a script through an API token. */
export type Principal =
  | { kind: 'session'; userId: string; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; organizationId: string; role: Role; createdBy: string };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
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
 * Resolves the caller's role in an organization and checks the action against the policy. A caller
 * with no membership gets 404, so the existence of another organization's data is never revealed.
 */
export async function requireAccess(
  request: FastifyRequest,
  store: Store,
  organizationId: string,
  action: Action,
): Promise<Access> {
  const principal = requirePrincipal(request);
  let access: Access;
  if (principal.kind === 'token') {
    if (principal.organizationId !== organizationId) throw notFound('Organization');
    access = { organizationId, role: principal.role, actor: `token:${principal.tokenId}` };
  } else {
    const member = await store.tenant(organizationId).members.find(principal.userId);
    if (!member) throw notFound('Organization');
    access = { organizationId, role: member.role, actor: principal.userId };
  }
  authorize(access.role, action);
  return access;
}
