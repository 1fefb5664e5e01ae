import { AppError } from '../domain/errors.ts';

/**
 * Reads a secret from standard input or an environment variable, never from a command-line argument,
 * where it would show in the process list and shell history.
 */
export async function readSecret(fromStdin: boolean, envVar: string): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const value = process.env[envVar];
  if (!value)
    throw new AppError('validation_failed', 'No password given', [
      { path: 'password', message: `pipe it with --password-stdin or set ${envVar}` },
    ]);
  return value;
}
