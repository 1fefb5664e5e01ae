import { ErrorBody } from '../../domain/accounts/schemas.ts';
import { asSentence } from '../words/sentence.ts';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A refusal from the Praxis API, carrying the server's error code and the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** The message for one field (`details[].path`), if the server named it. */
  messageFor(path: string): string | undefined {
    return this.details.find((detail) => detail.path === path)?.message;
  }
}

/** Reads the one error shape of the API; anything else (a proxy's HTML page, an empty body) becomes a generic error. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError(status, code, message, details, requestId);
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'unexpected_response', genericMessageFor(status));
}

function genericMessageFor(status: number): string {
  if (status >= 500) return 'The server could not complete the request. Please try again.';
  if (status === 404) return 'Not found.';
  return `The request failed (HTTP ${status}).`;
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** A message fit to show a person, whatever was thrown: one sentence, beginning with a capital and ending with a stop. */
export function errorMessageOf(error: unknown): string {
  if (error instanceof ApiError) return asSentence(error.message);
  if (error instanceof TypeError) return 'Cannot reach the server. Check your connection and try again.';
  if (error instanceof Error) return asSentence(error.message);
  return 'Something went wrong.';
}
