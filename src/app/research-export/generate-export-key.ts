import { randomBytes } from 'node:crypto';

/** A fresh export key: 32 random bytes, base64url. Whoever keeps it can make later exports with the same pseudonyms. */
export const generateExportKey = (): string => randomBytes(32).toString('base64url');
