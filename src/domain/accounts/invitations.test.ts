import { describe, expect, it } from 'vitest';
import { assertInvitationOpen, assertInvitee, assertRevocable, invitationStatusAt } from './invitations.ts';

const now = new Date('2026-03-01T12:00:00.000Z');
const pending = { status: 'pending' as const, expiresAt: '2026-03-10T00:00:00.000Z' };
const lapsed = { status: 'pending' as const, expiresAt: '2026-03-01T12:00:00.000Z' };

describe('invitation rules', () => {
  it('reads a pending invitation as expired from the instant of its expiry', () => {
    expect(invitationStatusAt(pending, now)).toBe('pending');
    expect(invitationStatusAt(lapsed, now)).toBe('expired');
    expect(invitationStatusAt({ ...lapsed, status: 'accepted' }, now)).toBe('accepted');
  });

  it('says why a link can no longer be used, naming the token', () => {
    expect(() => assertInvitationOpen(pending, now)).not.toThrow();
    const refusal = (invitation: { status: 'pending' | 'accepted' | 'declined' | 'revoked'; expiresAt: string }) => {
      try {
        assertInvitationOpen(invitation, now);
      } catch (error) {
        const { code, message, details } = error as { code: string; message: string; details: unknown };
        return { code, message, details };
      }
      return null;
    };
    expect(refusal(lapsed)).toEqual({
      code: 'forbidden',
      message: 'This invitation expired on 2026-03-01; ask the organization for a new one',
      details: [{ path: 'token', message: 'has expired' }],
    });
    expect(refusal({ ...pending, status: 'revoked' })).toMatchObject({
      code: 'forbidden',
      details: [{ path: 'token', message: 'has been revoked' }],
    });
    for (const status of ['accepted', 'declined'] as const)
      expect(refusal({ ...pending, status })).toMatchObject({
        code: 'conflict',
        message: `This invitation has already been ${status}; a link can be used once`,
      });
  });

  it('lets only the invited email accept, whatever its case', () => {
    expect(() => assertInvitee({ email: 'ana@example.org' }, 'Ana@Example.org')).not.toThrow();
    expect(() => assertInvitee({ email: 'ana@example.org' }, 'bo@example.org')).toThrow(/sent to ana@example.org/);
  });

  it('refuses to revoke an answered invitation, and revokes a revoked one without complaint', () => {
    expect(() => assertRevocable({ ...pending, status: 'accepted' })).toThrow(/already been accepted/);
    expect(() => assertRevocable({ ...pending, status: 'revoked' })).not.toThrow();
    expect(() => assertRevocable(lapsed)).not.toThrow();
  });
});
