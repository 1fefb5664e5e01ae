import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { loginFailureMessage } from './login-failure-message.ts';

describe('loginFailureMessage', () => {
  test('says the same for an unknown email and a wrong password', () => {
    const unknown = new ApiError(401, 'unauthenticated', 'No account for that email');
    const wrong = new ApiError(401, 'unauthenticated', 'Wrong password');
    expect(loginFailureMessage(unknown)).toBe('Email or password is incorrect.');
    expect(loginFailureMessage(wrong)).toBe(loginFailureMessage(unknown));
  });

  test('asks to wait when sign-in is rate-limited', () => {
    expect(loginFailureMessage(new ApiError(429, 'rate_limited', 'Too many attempts'))).toMatch(/wait a minute/);
  });

  test('reports a server failure as such', () => {
    expect(loginFailureMessage(new ApiError(503, 'internal', 'Database unavailable'))).toBe('Database unavailable.');
  });
});
