import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, argon2Options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to compare against when no account matches, so a wrong email costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hashPassword(randomSecret()));

/** 256 random bits, base64url. */
export const randomSecret = (): string => randomBytes(32).toString('base64url');

/** How secrets (session ids, API tokens) are stored: SHA-256, hex. They carry 256 bits, so no salt is needed. */
export const digestSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const apiTokenPrefix = 'prx_';

/** A new API token: the secret shown once, the hash stored, and a short prefix to recognise it by. */
export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${apiTokenPrefix}${randomSecret()}`;
  return { token, tokenHash: digestSecret(token), prefix: token.slice(0, apiTokenPrefix.length + 6) };
}
