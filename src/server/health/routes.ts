import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { isSchemaCurrent } from '../../store/migrate.ts';
import type { Store } from '../../store/store.ts';

/** Liveness (the process answers) and readiness (the database answers and its schema is current). */
export async function healthRoutes(app: FastifyInstance, { store }: { store: Store }) {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));

  app.get(
    '/readyz',
    { schema: { tags: ['health'], summary: 'Readiness: database reachable and migrations current' } },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(store.database.db);
        const current = await isSchemaCurrent(store.database.db);
        if (!current) return reply.status(503).send({ status: 'migrations pending', engine: store.database.engine });
        return { status: 'ready', engine: store.database.engine };
      } catch (error) {
        app.log.warn({ err: error }, 'readiness check failed');
        return reply.status(503).send({ status: 'database unreachable', engine: store.database.engine });
      }
    },
  );
}
