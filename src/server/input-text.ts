import type { FastifyInstance } from 'fastify';
import { invalid } from '../domain/errors.ts';
import { nulCharacterMessage, nulCharacterPaths } from '../domain/text.ts';
import { formatIssuePath } from '../model/issue-path.ts';

/** Refuses the parts of a request that hold U+0000, naming each place: `params.id`, `query.format`, `notes`. */
function refuseNul(value: unknown, part: 'params' | 'query' | 'body'): void {
  const paths = nulCharacterPaths(value);
  if (paths.length === 0) return;
  throw invalid(
    `Invalid request ${part}`,
    paths.map((path) => ({
      path: formatIssuePath(part === 'body' ? path : [part, ...path]) || part,
      message: nulCharacterMessage,
    })),
  );
}

/**
 * Refuses U+0000 in every path parameter, query parameter and JSON body, for every route, before any
 * handler or database sees it (`src/domain/text.ts` says why). Path parameters are checked as the
 * request arrives, since the organization's membership is looked up by one; query and body once parsed.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  // Fastify's params and query inherit from a prototype of their own: copied into plain objects to be walked.
  app.addHook('onRequest', async (request) => refuseNul({ ...(request.params as object) }, 'params'));
  app.addHook('preValidation', async (request) => {
    refuseNul({ ...(request.query as object) }, 'query');
    refuseNul(request.body, 'body');
  });
}
