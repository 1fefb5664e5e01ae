import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createCalendarFeed } from '../../app/calendar/create-calendar-feed.ts';
import { revokeCalendarFeed } from '../../app/calendar/revoke-calendar-feed.ts';
import { showCalendarFeed } from '../../app/calendar/show-calendar-feed.ts';
import { CalendarFeedState, CreatedCalendarFeed } from '../../domain/calendar/schemas.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { requireUser, resolveMembership } from '../auth/principal.ts';
import { errorResponses } from '../openapi.ts';
import { OrgParams } from '../organizations/routes.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The signed-in member's own feed in an organization; an API token acts for no person. */
async function member(request: Parameters<typeof requireUser>[0], store: Store, orgId: string) {
  const { userId } = requireUser(request);
  const access = await resolveMembership(request, store, orgId);
  return { userId, organizationId: access.organizationId };
}

/** Calendar feeds: each member's secret iCalendar address, and the public feed it opens. */
export async function calendarRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/orgs/:orgId/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Your calendar feed in this organization (never its secret address)',
        params: OrgParams,
        response: { 200: CalendarFeedState, ...errorResponses },
      },
    },
    async (request) => {
      const { userId, organizationId } = await member(request, store, request.params.orgId);
      return { feed: (await store.tenant(organizationId).calendarFeeds.live(userId)) ?? null };
    },
  );

  r.post(
    '/api/orgs/:orgId/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Create your calendar feed, replacing any other; the secret address is in this response only',
        params: OrgParams,
        response: { 201: CreatedCalendarFeed, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { userId, organizationId } = await member(request, store, request.params.orgId);
      return reply.status(201).send(await createCalendarFeed(store, organizationId, userId));
    },
  );

  r.delete(
    '/api/orgs/:orgId/calendar-feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Revoke your calendar feed: its address stops working',
        params: OrgParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { userId, organizationId } = await member(request, store, request.params.orgId);
      await revokeCalendarFeed(store, organizationId, userId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/calendar/:feed',
    {
      schema: {
        tags: ['calendar'],
        summary: 'A member’s calendar feed (iCalendar): the secret address is the credential; no login',
        description:
          'The address is `/api/calendar/{token}.ics`, as created. Answers `text/calendar` with the person’s next steps, planned activities and measurement waves as all-day events; 404 for an unknown or revoked address.',
        params: z.object({ feed: z.string().describe('`{token}.ics`') }),
        response: {
          200: z.string().describe('iCalendar text (RFC 5545)'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { feed } = request.params;
      if (!feed.endsWith('.ics')) throw notFound('Calendar feed');
      const text = await showCalendarFeed(store, feed.slice(0, -'.ics'.length), today());
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(text);
    },
  );
}
