import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Store } from '../store/store.ts';
import { analysisRoutes } from './analysis/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { authenticate } from './auth/authenticate.ts';
import { authRoutes } from './auth/routes.ts';
import type { Config } from './config.ts';
import { frameworkErrors, installErrorHandling } from './errors.ts';
import { healthRoutes } from './health/routes.ts';
import { refuseNulCharacters } from './input-text.ts';
import { hypothesisRoutes } from './hypotheses/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { loggerOptions } from './logger.ts';
import { measurementRoutes } from './measurement/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { modelRoutes } from './models/routes.ts';
import { partnerRoutes } from './partners/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { engagementRoutes } from './engagements/routes.ts';
import { partnerViewRoutes } from './partner-view/routes.ts';
import { interactionRoutes } from './interactions/routes.ts';
import { interactionTransferRoutes } from './interactions/transfer-routes.ts';
import { importMappingRoutes } from './interactions/mapping-routes.ts';
import { organizationRoutes } from './organizations/routes.ts';
import { researchExportRoutes } from './research-export/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { tokenRoutes } from './tokens/routes.ts';
import { webRoutes } from './web.ts';
import { demoRoutes } from './demo/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { signalRoutes } from './signals/routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { coachingRoutes } from './coaching/routes.ts';
import { emailRoutes } from './email/routes.ts';

export interface AppOptions {
  store: Store;
  config: Config;
  /** Serve the built web app (default true). */
  serveWeb?: boolean;
  /** Where log lines go (default standard output). */
  logStream?: { write(line: string): void };
}

export const apiVersion = '0.1.0';

/** Builds the HTTP application: security, authentication, the API, its OpenAPI document and the web app. */
export async function buildApp({ store, config, serveWeb = true, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // Bodies are JSON (the imports add their file types): anything else, text/plain included, is 415.
  app.removeContentTypeParser('text/plain');
  refuseNulCharacters(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      message: `Too many attempts; try again in ${context.after}`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Praxis API',
        version: apiVersion,
        description:
          'Plan, log, coach and study external implementation support. Authenticate with a session cookie (send `x-csrf-token` on writes) or `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'praxis_session' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authenticate, { store, config });
  await app.register(healthRoutes, { store });
  await app.register(authRoutes, { store, config });
  await app.register(organizationRoutes, { store });
  await app.register(memberRoutes, { store });
  await app.register(invitationRoutes, { store, config });
  await app.register(peopleRoutes, { store });
  await app.register(tokenRoutes, { store });
  await app.register(modelRoutes, { store });
  await app.register(partnerRoutes, { store });
  await app.register(engagementRoutes, { store });
  await app.register(interactionRoutes, { store });
  await app.register(analysisRoutes, { store });
  await app.register(reportRoutes, { store });
  await app.register(interactionTransferRoutes, { store });
  await app.register(importMappingRoutes, { store });
  await app.register(measurementRoutes, { store });
  await app.register(hypothesisRoutes, { store });
  await app.register(researchExportRoutes, { store });
  await app.register(surveyRoutes, { store, limits: config.surveyRateLimits });
  await app.register(demoRoutes, { store });
  await app.register(homeRoutes, { store });
  await app.register(planRoutes, { store });
  await app.register(signalRoutes, { store });
  await app.register(calendarRoutes, { store });
  await app.register(coachingRoutes, { store });
  await app.register(partnerViewRoutes, { store });
  await app.register(emailRoutes, { store, config });
  await webRoutes(app, { serveWeb });
  return app;
}
