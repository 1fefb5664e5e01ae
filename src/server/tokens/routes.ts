import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, CreatedToken, CreateTokenRequest, Id, ListOf } from '../../domain/accounts/schemas.ts';
import type { Store } from '../../store/store.ts';
import { createApiToken } from '../../app/accounts/create-api-token.ts';
import { revokeApiToken } from '../../app/accounts/revoke-api-token.ts';
import { requireAccess } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';

const TokenParams = OrgParams.extend({ tokenId: Id });

/** API tokens for scripts: created by administrators, shown once, revocable. */
export async function tokenRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens (never their secrets)',
        params: OrgParams,
        response: { 200: ListOf(ApiToken), ...errorResponses },
      },
    },
    async (request) => {
      const access = await requireAccess(request, store, request.params.orgId, 'tokens.manage');
      return { items: await store.tenant(access.organizationId).tokens.list() };
    },
  );

  r.post(
    '/api/orgs/:orgId/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is in this response only',
        params: OrgParams,
        body: CreateTokenRequest,
        response: { 201: CreatedToken, ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'tokens.manage');
      return reply.status(201).send(await createApiToken(store, access.organizationId, request.body, access.actor));
    },
  );

  r.delete(
    '/api/orgs/:orgId/tokens/:tokenId',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: TokenParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(request, store, request.params.orgId, 'tokens.manage');
      await revokeApiToken(store, access.organizationId, request.params.tokenId, access.actor);
      return reply.status(204).send(null);
    },
  );
}
