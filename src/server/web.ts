import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.ts';
import { packageRoot } from '../app/package-root.ts';

/** Where `vite build` puts the web app. */
export const webRoot = path.join(packageRoot, 'dist/web');

/**
 * Serves the built web app; any non-API path that is not a file gets `index.html` so the browser's
 * router can take it. Without a build the API still works and `/` explains how to build.
 */
export async function webRoutes(app: FastifyInstance, { serveWeb }: { serveWeb: boolean }) {
  const built = serveWeb && existsSync(path.join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (isPage && built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (isPage && serveWeb)
      return reply
        .type('text/plain')
        .send('The web app is not built. Run `npm run build` (npm start does this for you).');
    return sendError(reply, request, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
}
