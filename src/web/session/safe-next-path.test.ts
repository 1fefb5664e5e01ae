import { describe, expect, test } from 'vitest';
import { loginPathFor, safeNextPath } from './safe-next-path.ts';

describe('safeNextPath', () => {
  test('keeps a path inside the app', () => {
    expect(safeNextPath('/orgs/o1/admin/members?tab=2')).toBe('/orgs/o1/admin/members?tab=2');
  });

  test.each([
    null,
    '',
    'https://evil.example',
    '//evil.example/x',
    '/\\evil.example',
    'orgs/o1',
    '/login',
    '/login?next=/x',
  ])('refuses %j and goes home', (next) => expect(safeNextPath(next)).toBe('/'));
});

describe('loginPathFor', () => {
  test('remembers where the person was going', () => {
    expect(loginPathFor({ pathname: '/orgs/o1/models', search: '?a=1', hash: '' })).toBe(
      '/login?next=%2Forgs%2Fo1%2Fmodels%3Fa%3D1',
    );
  });

  test('needs no `next` for the home page', () => {
    expect(loginPathFor({ pathname: '/', search: '', hash: '' })).toBe('/login');
  });
});
