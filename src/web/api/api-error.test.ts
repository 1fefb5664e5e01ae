import { describe, expect, test } from 'vitest';
import { ApiError, apiErrorFromBody, errorMessageOf } from './api-error.ts';

describe('apiErrorFromBody', () => {
  test('reads the API error shape', () => {
    const error = apiErrorFromBody(400, {
      error: {
        code: 'validation_failed',
        message: 'Invalid',
        details: [{ path: 'currentPassword', message: 'is wrong' }],
        requestId: 'r-1',
      },
    });
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invalid');
    expect(error.requestId).toBe('r-1');
    expect(error.messageFor('currentPassword')).toBe('is wrong');
    expect(error.messageFor('newPassword')).toBeUndefined();
  });

  test('turns any other body into a generic error with the status', () => {
    const error = apiErrorFromBody(502, '<html>Bad gateway</html>');
    expect(error.status).toBe(502);
    expect(error.code).toBe('internal');
    expect(error.details).toEqual([]);
  });
});

describe('errorMessageOf', () => {
  test("shows the API's terse messages as sentences", () => {
    expect(errorMessageOf(new ApiError(404, 'not_found', 'interaction not found'))).toBe('Interaction not found.');
    expect(errorMessageOf(apiErrorFromBody(404, ''))).toBe('Not found.');
    expect(errorMessageOf(apiErrorFromBody(418, ''))).toBe('The request failed (HTTP 418).');
    expect(errorMessageOf(new Error('the file is empty'))).toBe('The file is empty.');
    expect(errorMessageOf('thrown text')).toBe('Something went wrong.');
  });
});
