/** The one error type of Praxis: every refusal carries a code, a message and, where known, the fields at fault. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export interface ErrorDetail {
  /** Where the problem is: a JSON path such as `components[3].activities[1].id`, or a row/column reference. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this'): AppError =>
  new AppError('forbidden', message);
export const conflict = (message: string, details: ErrorDetail[] = []): AppError =>
  new AppError('conflict', message, details);
export const invalid = (message: string, details: ErrorDetail[]): AppError =>
  new AppError('validation_failed', message, details);
