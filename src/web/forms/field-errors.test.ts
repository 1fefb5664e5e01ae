import { describe, expect, test } from 'vitest';
import { AddMemberRequest } from '../../domain/accounts/schemas.ts';
import { ApiError } from '../api/api-error.ts';
import { formErrorsFromApi, validateForm } from './field-errors.ts';

const fields = ['email', 'name', 'password'] as const;

describe('formErrorsFromApi', () => {
  test('puts each detail beside the field its path names', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid request', [
      { path: 'email', message: 'must be an email address' },
      { path: 'body.name', message: 'is required' },
    ]);
    expect(formErrorsFromApi(error, fields)).toEqual({
      fields: { email: 'The email must be an email address.', name: 'Enter a name.' },
      form: null,
    });
  });

  test('keeps the first message when a field has several', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'password', message: 'too short' },
      { path: 'password', message: 'too common' },
    ]);
    expect(formErrorsFromApi(error, fields).fields).toEqual({ password: 'Too short.' });
  });

  test('shows the message above the form when no field is named', () => {
    const error = new ApiError(409, 'conflict', 'That person is already a member');
    expect(formErrorsFromApi(error, fields)).toEqual({ fields: {}, form: 'That person is already a member' });
  });

  test('reports details for fields the form does not have above the form', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'email', message: 'taken' },
      { path: 'colour', message: 'unknown field' },
    ]);
    expect(formErrorsFromApi(error, fields)).toEqual({ fields: { email: 'Taken.' }, form: 'Colour: Unknown field.' });
  });

  test('explains a network failure', () => {
    expect(formErrorsFromApi(new TypeError('Failed to fetch'), fields).form).toMatch(/Cannot reach the server/);
  });
});

describe('validateForm', () => {
  test('returns the parsed request when the values are valid', () => {
    const result = validateForm(AddMemberRequest, { email: ' Ada@Example.org ', name: 'Ada', role: 'lead' }, fields);
    expect(result).toEqual({ ok: true, data: { email: 'ada@example.org', name: 'Ada', role: 'lead' } });
  });

  test('names each invalid field with the shared schema message', () => {
    const result = validateForm(AddMemberRequest, { email: 'nope', name: '', role: 'lead', password: 'short' }, fields);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({
      email: 'The email must be an email address.',
      name: 'Enter a name.',
      password: 'The password must be at least 10 characters.',
    });
  });
});
