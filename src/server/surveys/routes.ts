import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicSurvey, SavedAnswers, SubmittedSurvey, SurveyAnswers } from '../../domain/measurement/schemas.ts';
import type { Store } from '../../store/store.ts';
import type { Config } from '../config.ts';
import { errorResponses } from '../openapi.ts';
import { readSurvey } from '../../app/surveys/read-survey.ts';
import { saveSurveyAnswers } from '../../app/surveys/save-survey-answers.ts';
import { submitSurvey } from '../../app/surveys/submit-survey.ts';

const TokenParams = z.object({ token: z.string().min(20).max(200) });
/** The language the respondent reads the survey in, kept with the response: one the survey is offered in. */
const Language = z.string().max(20).optional();
const AnswersBody = z.strictObject({ answers: SurveyAnswers, language: Language });
const SubmitBody = z.strictObject({ answers: SurveyAnswers.default({}), language: Language }).default({ answers: {} });

/**
 * Public survey endpoints for partners without an account: the link's token is the credential; rate-limited
 * per address (per minute, from SURVEY_READ_RATE_LIMIT, SURVEY_SAVE_RATE_LIMIT and SURVEY_SUBMIT_RATE_LIMIT).
 */
export async function surveyRoutes(
  app: FastifyInstance,
  { store, limits }: { store: Store; limits: Config['surveyRateLimits'] },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const publicRoute = (max: number) => ({ csrf: false, rateLimit: { max, timeWindow: '1 minute' } });

  r.get(
    '/api/surveys/:token',
    {
      config: publicRoute(limits.read),
      schema: {
        tags,
        summary: 'The questions of a survey link and the answers saved so far (no account needed)',
        security: [],
        params: TokenParams,
        response: { 200: PublicSurvey, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return readSurvey(store, request.params.token);
    },
  );

  r.put(
    '/api/surveys/:token/answers',
    {
      config: publicRoute(limits.save),
      schema: {
        tags,
        summary: 'Save answers as they are given (merged into those saved; null clears one) and the language chosen',
        security: [],
        params: TokenParams,
        body: AnswersBody,
        response: { 200: SavedAnswers, ...errorResponses },
      },
    },
    async (request) =>
      saveSurveyAnswers(store, request.params.token, request.body.answers, new Date(), request.body.language),
  );

  r.post(
    '/api/surveys/:token/submit',
    {
      config: publicRoute(limits.submit),
      schema: {
        tags,
        summary: 'Submit the survey (once per link); scores are computed at once',
        security: [],
        params: TokenParams,
        body: SubmitBody,
        response: { 200: SubmittedSurvey, ...errorResponses },
      },
    },
    async (request) =>
      submitSurvey(store, request.params.token, request.body?.answers ?? {}, new Date(), request.body?.language),
  );
}
