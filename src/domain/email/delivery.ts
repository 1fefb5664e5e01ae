import type { EmailStatus } from './schemas.ts';

/** What one delivery attempt came to, as the SMTP client reported it. */
export interface AttemptOutcome {
  ok: boolean;
  /** The server's reply code (e.g. 550), when it answered. */
  responseCode?: number | undefined;
  /** The server's words, or the connection error. */
  reason?: string | undefined;
}

export interface NextState {
  status: EmailStatus;
  /** When to try again; null when the message is done (sent or failed). */
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** Wait before retry number `attempt` (1 = the first retry): base × 2^(attempt − 1), capped. */
export function retryDelaySeconds(attempt: number, baseSeconds: number, maxSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(attempt - 1, 0), maxSeconds);
}

/**
 * The message's state after an attempt (`attempts` counts it). A 5xx answer is a refusal that another
 * try would not change; a 4xx answer or no answer at all (the server is down or unreachable) is retried
 * with exponential backoff until `maxAttempts` are used.
 */
export function afterAttempt(
  outcome: AttemptOutcome,
  attempts: number,
  now: Date,
  limits: { maxAttempts: number; retryBaseSeconds: number; retryMaxSeconds: number },
): NextState {
  if (outcome.ok) return { status: 'sent', nextAttemptAt: null, lastError: null };
  const reason = oneLine(outcome.reason ?? 'the server gave no reason');
  const refused = outcome.responseCode !== undefined && outcome.responseCode >= 500;
  if (refused) return { status: 'failed', nextAttemptAt: null, lastError: reason };
  if (attempts >= limits.maxAttempts)
    return { status: 'failed', nextAttemptAt: null, lastError: `${reason} (gave up after ${attempts} attempts)` };
  const wait = retryDelaySeconds(attempts, limits.retryBaseSeconds, limits.retryMaxSeconds);
  return { status: 'retrying', nextAttemptAt: new Date(now.getTime() + wait * 1000).toISOString(), lastError: reason };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, 500);
