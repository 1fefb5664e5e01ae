import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const base = { DATA_DIR: '/tmp/praxis-config-test', SESSION_SECRET: 'x'.repeat(32) };

describe('email settings', () => {
  it('leave email off until the server, the sender and the public address are all set', () => {
    expect(loadConfig(base).email).toBeNull();
    expect(loadConfig({ ...base, SMTP_HOST: 'mail.example.org', EMAIL_FROM: 'p@example.org' }).email).toBeNull();
    const config = loadConfig({
      ...base,
      SMTP_HOST: 'mail.example.org',
      EMAIL_FROM: 'p@example.org',
      PUBLIC_URL: 'https://praxis.example.org',
      SMTP_SECURE: 'true',
      SMTP_PORT: '465',
      EMAIL_DIGEST_DAY: 'monday',
    });
    expect(config.email).toMatchObject({
      smtp: { host: 'mail.example.org', port: 465, secure: true },
      reminderLimit: 2,
      maxAttempts: 8,
      retryBaseSeconds: 60,
    });
    expect(config.digest).toEqual({ weekday: 1, hour: 7 });
    expect(loadConfig(base).digest).toBeNull();
  });

  it('refuse a bad setting by name', () => {
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'praxis.example.org' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...base, EMAIL_DIGEST_DAY: 'someday' })).toThrow(/EMAIL_DIGEST_DAY/);
  });
});
