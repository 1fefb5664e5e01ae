import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicSurvey, SavedAnswers, SubmittedSurvey, SurveyAnswers } from '../../domain/measurement/schemas.ts';
import type { Store } from '../../store/store.ts';
import { errorResponses } from '../openapi.ts';
import { readSurvey, saveSurveyAnswers, submitSurvey } from './operations.ts';

const TokenParams = z.object({ token: z.string().min(20).max(200) });
const AnswersBody = z.strictObject({ answers: SurveyAnswers });
const SubmitBody = z.strictObject({ answers: SurveyAnswers.default({}) }).default({ answers: {} });

/** Public survey endpoints for partners without an account: the link's token is the credential; rate-limited per address. */
export async function surveyRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const publicRoute = (max: number) => ({ csrf: false, rateLimit: { max, timeWindow: '1 minute' } });

  r.get(
    '/api/surveys/:token',
    { config: publicRoute(60), schema: { tags, summary: 'The questions of a survey link and the answers saved so far (no account needed)', security: [], params: TokenParams, response: { 200: PublicSurvey, ...errorResponses } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readSurvey(store, request.params.token);
    },
  );

  r.put(
    '/api/surveys/:token/answers',
    { config: publicRoute(240), schema: { tags, summary: 'Save answers as they are given (merged into those saved; null clears one)', security: [], params: TokenParams, body: AnswersBody, response: { 200: SavedAnswers, ...errorResponses } } },
    async (request) => saveSurveyAnswers(store, request.params.token, request.body.answers),
  );

  r.post(
    '/api/surveys/:token/submit',
    { config: publicRoute(20), schema: { tags, summary: 'Submit the survey (once per link); scores are computed at once', security: [], params: TokenParams, body: SubmitBody, response: { 200: SubmittedSurvey, ...errorResponses } } },
    async (request) => submitSurvey(store, request.params.token, request.body?.answers ?? {}),
  );
}
