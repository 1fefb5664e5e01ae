import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defaultInvitationExpiryDays } from '../domain/accounts/invitations.ts';
import type { DigestSchedule, EmailSettings } from '../domain/email/settings.ts';

/** Everything Praxis reads from its environment, with defaults. The README documents each variable. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  sessionSecret: string;
  logLevel: string;
  /** A session ends after this long without a request… */
  sessionIdleMinutes: number;
  /** …and in any case this long after login. */
  sessionMaxHours: number;
  /** Login attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Requests per client address per minute to the public survey endpoints: read, save answers, submit. */
  surveyRateLimits: { read: number; save: number; submit: number };
  /** Days an invitation to join an organization stays open. */
  invitationExpiryDays: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  trustProxy: boolean;
  /** Email through SMTP; null (off) until SMTP_HOST, EMAIL_FROM and PUBLIC_URL are set. */
  email: EmailSettings | null;
  /** Seconds between two drains of the outbox by the server; 0 drains only when mail is queued. */
  emailWorkerSeconds: number;
  /** When the server sends the weekly digest; null: never (the CLI can). */
  digest: DigestSchedule | null;
}

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(480),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(168),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SURVEY_READ_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  SURVEY_SAVE_RATE_LIMIT: z.coerce.number().int().min(1).default(240),
  SURVEY_SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  INVITATION_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(defaultInvitationExpiryDays),
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http or https address' }).optional(),
  EMAIL_REMINDER_LIMIT: z.coerce.number().int().min(0).max(20).default(2),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  EMAIL_RETRY_SECONDS: z.coerce.number().int().min(1).default(60),
  EMAIL_RETRY_MAX_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(6 * 3600),
  EMAIL_WORKER_SECONDS: z.coerce.number().int().min(0).default(30),
  EMAIL_DIGEST_DAY: z.enum(['off', ...weekdays]).default('off'),
  EMAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

/** Reads the configuration; a bad variable is reported by name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    sessionSecret: e.SESSION_SECRET ?? localSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    surveyRateLimits: {
      read: e.SURVEY_READ_RATE_LIMIT,
      save: e.SURVEY_SAVE_RATE_LIMIT,
      submit: e.SURVEY_SUBMIT_RATE_LIMIT,
    },
    invitationExpiryDays: e.INVITATION_EXPIRY_DAYS,
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY === 'true',
    email:
      e.SMTP_HOST && e.EMAIL_FROM && e.PUBLIC_URL
        ? {
            smtp: {
              host: e.SMTP_HOST,
              port: e.SMTP_PORT,
              secure: e.SMTP_SECURE === 'true',
              user: e.SMTP_USER,
              password: e.SMTP_PASSWORD,
            },
            from: e.EMAIL_FROM,
            publicUrl: e.PUBLIC_URL,
            reminderLimit: e.EMAIL_REMINDER_LIMIT,
            maxAttempts: e.EMAIL_MAX_ATTEMPTS,
            retryBaseSeconds: e.EMAIL_RETRY_SECONDS,
            retryMaxSeconds: Math.max(e.EMAIL_RETRY_MAX_SECONDS, e.EMAIL_RETRY_SECONDS),
          }
        : null,
    emailWorkerSeconds: e.EMAIL_WORKER_SECONDS,
    digest:
      e.EMAIL_DIGEST_DAY === 'off'
        ? null
        : { weekday: weekdays.indexOf(e.EMAIL_DIGEST_DAY), hour: e.EMAIL_DIGEST_HOUR },
  };
}

/**
 * Without SESSION_SECRET a single machine keeps a generated secret in DATA_DIR (mode 0600), so a
 * restart keeps users logged in. Several servers behind a balancer must share SESSION_SECRET.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
