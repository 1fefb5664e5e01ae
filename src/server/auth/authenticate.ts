import type { FastifyInstance, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import fp from 'fastify-plugin';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { Config } from '../config.ts';
import { resolveMembership } from './principal.ts';
import { apiTokenPrefix, digestSecret, safeEqual } from '../../app/accounts/secrets.ts';

export const sessionCookie = 'praxis_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false on the few routes a person calls before having a session (login). */
    csrf?: boolean;
    /**
     * Set false on an organization route (`/api/orgs/:orgId/…`) that someone who is not a member may
     * call; every other one answers 404 to non-members before its body or query is read.
     */
    membersOnly?: boolean;
  }
}

/**
 * Resolves the caller on every request (session cookie or `Authorization: Bearer` token), enforces
 * idle and absolute session expiry, resolves their membership on organization routes, and requires the
 * session's CSRF token on cookie-authenticated writes.
 */
export const authenticate = fp(async (app: FastifyInstance, { store, config }: { store: Store; config: Config }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('organizationAccess', null);

  app.addHook('onRequest', async (request) => {
    const bearer = bearerToken(request);
    if (bearer) {
      const grant = bearer.startsWith(apiTokenPrefix)
        ? await store.findLiveToken(digestSecret(bearer), new Date().toISOString())
        : undefined;
      if (!grant) throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked');
      request.principal = { kind: 'token', ...grant };
      return;
    }
    const secret = request.cookies[sessionCookie];
    if (!secret) return;
    const session = await store.sessions.find(digestSecret(secret));
    if (!session) return;
    const now = Date.now();
    const idleLimit = config.sessionIdleMinutes * 60_000;
    if (Date.parse(session.expiresAt) <= now || Date.parse(session.lastSeenAt) + idleLimit <= now) {
      await store.sessions.delete(session.id);
      return;
    }
    // Refresh the idle clock at most once a minute so reads stay reads.
    if (now - Date.parse(session.lastSeenAt) > 60_000)
      await store.sessions.touch(session.id, new Date(now).toISOString());
    request.principal = {
      kind: 'session',
      userId: session.userId,
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  });

  // Before the body is parsed and the request validated: to someone outside the organization every
  // route in it is 404, whatever they send. The handler still checks the action (`requireAccess`).
  app.addHook('onRequest', async (request) => {
    const orgId = (request.params as { orgId?: string } | undefined)?.orgId;
    if (orgId === undefined || request.routeOptions.config.membersOnly === false) return;
    request.organizationAccess = await resolveMembership(request, store, orgId);
  });

  app.addHook('preHandler', async (request) => {
    const principal = request.principal;
    if (principal?.kind !== 'session' || !unsafeMethods.has(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    const presented = request.headers['x-csrf-token'];
    if (typeof presented !== 'string' || !safeEqual(presented, principal.csrfToken)) {
      throw new AppError('forbidden', 'Missing or invalid CSRF token', [
        { path: 'x-csrf-token', message: 'header must carry the csrfToken of GET /api/session' },
      ]);
    }
  });
});

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value.trim() : undefined;
}
