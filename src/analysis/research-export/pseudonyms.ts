import { createHmac } from 'node:crypto';
import { invalid } from '../../domain/errors.ts';

/**
 * Keyed pseudonyms for the research export: HMAC-SHA-256 (RFC 2104) of the kind and the id under the
 * export key, truncated to 64 bits and prefixed by the kind. The same key gives the same pseudonym to the
 * same record in every export, so exports join; without the key a pseudonym cannot be traced back or
 * recomputed from a guessed id.
 */

export const pseudonymKinds = {
  engagement: 'E',
  partner: 'P',
  contact: 'C',
  user: 'U',
  interaction: 'I',
  wave: 'W',
  review: 'R',
  observation: 'O',
  'self-assessment': 'S',
} as const;
export type PseudonymKind = keyof typeof pseudonymKinds;

/** Hex digits kept of the HMAC: 64 bits, so a million ids of one kind collide with odds of about 1 in 36 million. */
export const pseudonymHexDigits = 16;
export const minimumKeyLength = 16;

export interface Pseudonymizer {
  (kind: PseudonymKind, id: string): string;
}

/** Checks an export key: at least 16 characters, so that it cannot be guessed by trying short words. */
export function checkExportKey(key: string, path = 'key'): void {
  if (key.length < minimumKeyLength)
    throw invalid('The export key is too short', [
      { path, message: `must be at least ${minimumKeyLength} characters` },
    ]);
}

export function createPseudonymizer(key: string): Pseudonymizer {
  checkExportKey(key);
  const cache = new Map<string, string>();
  return (kind, id) => {
    const message = `${kind}:${id}`;
    let pseudonym = cache.get(message);
    if (pseudonym === undefined) {
      pseudonym = `${pseudonymKinds[kind]}-${createHmac('sha256', key).update(message).digest('hex').slice(0, pseudonymHexDigits)}`;
      cache.set(message, pseudonym);
    }
    return pseudonym;
  };
}
