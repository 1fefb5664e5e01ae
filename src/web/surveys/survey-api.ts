import { PublicSurvey, type SurveyAnswers } from '../../domain/measurement/schemas.ts';

/** Calls to the public survey endpoints: the link's token is the only credential, so no session or CSRF token is sent. */

export class SurveyError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, token: string, suffix: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/surveys/${encodeURIComponent(token)}${suffix}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
  });
  const json = (await response.json().catch(() => null)) as {
    error?: { message: string; details?: { path: string; message: string }[] };
  } | null;
  if (!response.ok)
    throw new SurveyError(
      json?.error?.message ?? 'The survey could not be reached; check your connection and try again',
      response.status,
      json?.error?.details ?? [],
    );
  return json as T;
}

/** The questions and the answers saved so far. */
export const fetchSurvey = async (token: string) => PublicSurvey.parse(await call('GET', token, ''));
/** Saves the given answers (merged into those saved) and the language the respondent reads in. */
export const saveAnswers = (token: string, answers: SurveyAnswers, language: string) =>
  call<{ savedAt: string; unanswered: number }>('PUT', token, '/answers', { answers, language });
/** Submits the survey once, in the language the respondent read it in. */
export const submitSurvey = (token: string, answers: SurveyAnswers, language: string) =>
  call<{ submittedAt: string }>('POST', token, '/submit', { answers, language });
