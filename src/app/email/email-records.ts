import { invalid } from '../../domain/errors.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';

/** Helpers of the email use cases. */

/** Refuses to queue mail while no SMTP server is configured: nothing would ever send it. */
export function requireEmailSettings(settings: EmailSettings | null): EmailSettings {
  if (settings) return settings;
  throw invalid('Email is not set up on this server', [
    {
      path: 'email',
      message: 'is off until the operator sets SMTP_HOST, EMAIL_FROM and PUBLIC_URL (see docs/email.md)',
    },
  ]);
}

/** A new unsubscribe token for one message: the token for its link, the hash for the outbox. */
export function unsubscribeToken(): { token: string; hash: string } {
  const token = randomSecret();
  return { token, hash: digestSecret(token) };
}

export async function organizationName(store: Store, organizationId: string): Promise<string> {
  return (await store.organizations.findById(organizationId))?.name ?? 'Praxis';
}
