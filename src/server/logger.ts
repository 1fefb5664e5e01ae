import type { FastifyServerOptions } from 'fastify';

/** Paths pino removes from every log line: passwords, tokens and cookies never reach the logs. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-export-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  '*.sessionSecret',
];

/** Structured JSON logs (pino) with request ids and redaction. */
export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown>; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url
          .replace(/([?&](token|access_token)=)[^&]*/gi, '$1[redacted]')
          .replace(
            /(\/(?:api\/surveys|survey|api\/invitations|invitation|api\/calendar|api\/email\/unsubscribe|unsubscribe)\/)[^/?]+/,
            '$1[redacted]',
          ),
        headers: req.headers,
        remoteAddress: req.ip,
      }),
    },
  };
}
