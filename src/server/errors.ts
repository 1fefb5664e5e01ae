import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetail } from '../domain/errors.ts';
import { formatIssuePath } from '../model/issue-path.ts';

/** HTTP status for each error code: the domain refuses with a code, the server answers with its status. */
export const httpStatusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The media types a route reads its body as; JSON unless it says otherwise (the imports). */
    contentTypes?: readonly string[];
  }
}

/** The refusal of a body the route does not read, naming the types it does. */
export function unsupportedContentType(request: FastifyRequest): AppError {
  const accepted = request.routeOptions.config.contentTypes ?? ['application/json'];
  return new AppError(
    'unsupported_media_type',
    `Unsupported content type: ${request.headers['content-type'] ?? '(none)'}`,
    [{ path: 'content-type', message: `must be ${accepted.join(' or ')}` }],
  );
}

/** Writes the one error shape: `{"error":{"code","message","details":[{"path","message"}],"requestId"}}`. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: ErrorCode,
  message: string,
  details: ErrorDetail[] = [],
) {
  return reply.status(status).send({ error: { code, message, details, requestId: String(request.id) } });
}

const jsonPointerToPath = (pointer: string): string =>
  pointer
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');

/**
 * Answers the failures Fastify meets before routing (a path that is not valid percent-encoding, a path
 * parameter past its length) in the one error shape, instead of its own shape that echoes the path.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // No hook runs before routing, so the request id the other answers get from onSend is set here.
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendError(reply, request, 414, 'bad_request', 'A path parameter is too long', [
      { path: 'url', message: 'has a segment longer than the server accepts' },
    ]);
  if (error.code === 'FST_ERR_BAD_URL')
    return sendError(reply, request, 400, 'bad_request', 'The path is not valid', [
      { path: 'url', message: 'is not valid percent-encoded UTF-8' },
    ]);
  request.log.error({ err: error }, 'unhandled framework error');
  return sendError(reply, request, 500, 'internal', 'Internal error');
}

interface BranchIssue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/**
 * The issues of the one branch of a failed union that the value has the type of (`engagementId`, one
 * id or a list of them, given as a list that is too long), so its real problem is named instead of
 * zod's "Invalid input". Undefined when no branch, or several, fit the value's type.
 */
function unionBranchOf(params: unknown): BranchIssue[] | undefined {
  const branches = (params as { errors?: BranchIssue[][] }).errors ?? [];
  const fitting = branches.filter((issues) => !issues.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** Maps every failure, ours or the framework's, onto the error shape with the right status. Never leaks internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendError(reply, request, httpStatusOf[error.code], error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const prefix = where === 'body' ? '' : where === 'querystring' ? 'query' : where;
      const pathOf = (field: string) => [prefix, field].filter(Boolean).join('.') || where;
      const details = error.validation.flatMap((v) => {
        const field = jsonPointerToPath(v.instancePath);
        // An unknown field is reported at its own path, not at the object that holds it.
        const unknownKeys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
        if (unknownKeys.length > 0)
          return unknownKeys.map((key) => ({
            path: pathOf([field, key].filter(Boolean).join('.')),
            message: 'is not a known field',
          }));
        const branch = v.keyword === 'invalid_union' ? unionBranchOf(v.params) : undefined;
        if (branch)
          return branch.map((issue) => ({
            path: pathOf([field, formatIssuePath(issue.path)].filter(Boolean).join('.').replace(/\.\[/g, '[')),
            message: issue.message,
          }));
        return [{ path: pathOf(field), message: v.message ?? 'is invalid' }];
      });
      return sendError(
        reply,
        request,
        400,
        'validation_failed',
        `Invalid request ${where === 'querystring' ? 'query' : where}`,
        details,
      );
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return sendError(reply, request, 500, 'internal', 'Internal error');
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, request, 413, 'payload_too_large', 'Request body is too large', [
          { path: 'body', message: `exceeds the limit of ${app.initialConfig.bodyLimit} bytes` },
        ]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
        const refusal = unsupportedContentType(request);
        return sendError(reply, request, 415, refusal.code, refusal.message, refusal.details);
      }
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, request, 400, 'bad_request', 'Request body is empty', [
          { path: 'body', message: 'is required' },
        ]);
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(reply, request, 400, 'bad_request', 'Request body is not valid JSON', [
          { path: 'body', message: error.message },
        ]);
    }
    if (error.statusCode === 429) {
      return sendError(reply, request, 429, 'rate_limited', 'Too many attempts; try again in a minute');
    }
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return sendError(reply, request, error.statusCode ?? 400, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 500, 'internal', 'Internal error');
  });
}
