import canonicalize from 'canonicalize';
import type { HypothesisRegistration } from './registration.ts';

/**
 * The canonical text of a registration: RFC 8785 JSON Canonicalization Scheme (keys sorted by
 * UTF-16 code units, ECMAScript number formatting, no whitespace), so the same registration gives
 * the same bytes whatever the order its keys were written in.
 */
export function canonicalRegistration(registration: HypothesisRegistration): string {
  const text = canonicalize(registration);
  if (text === undefined) throw new Error('A registration always has a canonical JSON form');
  return text;
}

/**
 * SHA-256 (FIPS 180-4) of the canonical registration, as lowercase hex. Web Crypto, so the browser
 * can check a hash the server reports, and the same code runs in Node.
 */
export async function registrationHash(registration: HypothesisRegistration): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(canonicalRegistration(registration)),
  );
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
