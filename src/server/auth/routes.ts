import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  SessionView,
  UpdateProfileRequest,
  User,
} from '../../domain/accounts/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { changePassword } from '../../app/accounts/change-password.ts';
import { renameUser } from '../../app/accounts/rename-user.ts';
import type { Config } from '../config.ts';
import { sessionCookie } from './authenticate.ts';
import { requireUser } from './principal.ts';
import { decoyPasswordHash, verifyPassword } from '../../app/accounts/secrets.ts';
import { sessionView, startSession } from './sessions.ts';
import { errorResponses } from '../openapi.ts';

const invalidLogin = () => new AppError('unauthenticated', 'Invalid email or password');

/** Login, logout, the current session, and the signed-in person's own profile and password. */
export async function authRoutes(app: FastifyInstance, { store, config }: { store: Store; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['session'],
        summary: 'Log in with email and password',
        body: LoginRequest,
        response: { 200: SessionView, ...errorResponses },
      },
      config: { csrf: false, rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const user = await store.users.findByEmail(request.body.email);
      // Verify against a decoy when no account matches, so timing does not reveal which emails exist.
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), request.body.password);
      if (!user || !ok) throw invalidLogin();
      return startSession(store, config, request, reply, user.id);
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: { tags: ['session'], summary: 'End the current session', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      if (request.principal?.kind === 'session') await store.sessions.delete(request.principal.sessionId);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The signed-in person, their organizations and the CSRF token',
        response: { 200: SessionView, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireUser(request);
      const principal = request.principal as { csrfToken: string };
      return sessionView(store, userId, principal.csrfToken);
    },
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags: ['session'],
        summary: 'Change your display name',
        body: UpdateProfileRequest,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireUser(request);
      return renameUser(store, userId, request.body.name, userId);
    },
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        tags: ['session'],
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordRequest,
        response: { 204: z.null(), ...errorResponses },
      },
      config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { userId, sessionId } = requireUser(request);
      await changePassword(store, userId, request.body, sessionId);
      return reply.status(204).send(null);
    },
  );
}
