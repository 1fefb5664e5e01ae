import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readDemoLogins } from '../../app/demo/read-demo-logins.ts';
import { DemoLogins } from '../../domain/accounts/demo-logins.ts';
import type { Store } from '../../store/store.ts';

/** Public: lets the sign-in page offer the demo logins when the demo organization is loaded. */
export async function demoRoutes(app: FastifyInstance, { store }: { store: Store }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/demo',
    {
      schema: {
        tags: ['session'],
        summary: 'Whether the demo organization exists, and its login emails',
        response: { 200: DemoLogins },
      },
    },
    async () => readDemoLogins(store),
  );
}
