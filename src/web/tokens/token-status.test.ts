import { describe, expect, test } from 'vitest';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { tokenStatus } from './token-status.ts';

const token = (overrides: Partial<ApiToken>): ApiToken => ({
  id: 't1',
  name: 'export',
  role: 'researcher',
  prefix: 'px_abc',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u1',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

describe('tokenStatus', () => {
  const now = new Date('2026-06-01T00:00:00.000Z');

  test('a token without expiry stays active', () => expect(tokenStatus(token({}), now)).toBe('active'));
  test('expires at its expiry time', () => {
    expect(tokenStatus(token({ expiresAt: '2026-06-01T00:00:00.000Z' }), now)).toBe('expired');
    expect(tokenStatus(token({ expiresAt: '2026-06-02T00:00:00.000Z' }), now)).toBe('active');
  });
  test('revocation wins over expiry', () => {
    expect(
      tokenStatus(token({ revokedAt: '2026-02-01T00:00:00.000Z', expiresAt: '2026-03-01T00:00:00.000Z' }), now),
    ).toBe('revoked');
  });
});
