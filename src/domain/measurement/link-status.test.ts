import { describe, expect, it } from 'vitest';
import { linkStatus, progressCounts } from './link-status.ts';

const now = new Date('2026-06-01T12:00:00Z');
const link = {
  viaLink: true,
  revokedAt: null,
  status: 'open' as const,
  expiresAt: '2026-06-10T00:00:00.000Z',
  answers: {},
};

describe('linkStatus', () => {
  it('reads unused, started, submitted, expired and revoked, and none for staff entries', () => {
    expect(linkStatus(link, now)).toBe('unused');
    expect(linkStatus({ ...link, answers: { aim: { 'aim-1': null } } }, now)).toBe('unused');
    expect(linkStatus({ ...link, answers: { aim: { 'aim-1': 3 } } }, now)).toBe('started');
    expect(linkStatus({ ...link, expiresAt: '2026-06-01T12:00:00.000Z' }, now)).toBe('expired');
    expect(linkStatus({ ...link, status: 'submitted', expiresAt: '2026-01-01T00:00:00.000Z' }, now)).toBe('submitted');
    expect(linkStatus({ ...link, revokedAt: '2026-05-01T00:00:00.000Z', answers: { aim: { 'aim-1': 3 } } }, now)).toBe(
      'revoked',
    );
    expect(linkStatus({ ...link, viaLink: false, status: 'submitted' }, now)).toBeNull();
  });

  it('counts links by status and staff entries apart', () => {
    expect(progressCounts(['unused', 'submitted', 'submitted', null, 'revoked'])).toEqual({
      links: 4,
      unused: 1,
      started: 0,
      submitted: 2,
      expired: 0,
      revoked: 1,
      entered: 1,
    });
  });
});
