import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionView } from '../../domain/accounts/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { Config } from '../config.ts';
import { sessionCookie } from './authenticate.ts';
import { digestSecret, randomSecret } from '../../app/accounts/secrets.ts';

/** The signed-in person, their organizations and the CSRF token, as `GET /api/session` answers. */
export async function sessionView(store: Store, userId: string, csrfToken: string): Promise<SessionView> {
  const user = await store.users.findById(userId);
  if (!user) throw new AppError('unauthenticated', 'Log in or send an API token');
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organizations: await store.organizations.listForUser(userId),
    csrfToken,
  };
}

/**
 * Signs a person in: ends the request's current session, stores a new one (only the hash of its
 * secret) and sets its cookie. Login and a new account made through an invitation both use it.
 */
export async function startSession(
  store: Store,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<SessionView> {
  if (request.principal?.kind === 'session') await store.sessions.delete(request.principal.sessionId);
  const secret = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + config.sessionMaxHours * 3_600_000);
  await store.sessions.create({ id: digestSecret(secret), userId, csrfToken, expiresAt: expiresAt.toISOString() });
  reply.setCookie(sessionCookie, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
  return sessionView(store, userId, csrfToken);
}
