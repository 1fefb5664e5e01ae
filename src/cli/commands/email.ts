import { Command } from 'commander';
import { countOf } from '../../domain/count-of.ts';
import { invalid } from '../../domain/errors.ts';
import { deliverDueEmails } from '../../app/email/deliver-due-emails.ts';
import { sendWeeklyDigest } from '../../app/email/send-weekly-digest.ts';
import { smtpMailer } from '../../app/email/smtp-mailer.ts';
import type { Config } from '../../server/config.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';

const requireEmail = (config: Config) => {
  if (config.email) return config.email;
  throw invalid('Email is not set up', [
    { path: 'SMTP_HOST', message: 'set SMTP_HOST, EMAIL_FROM and PUBLIC_URL (see docs/email.md)' },
  ]);
};

/** `praxis email`: drain the outbox once, and queue the weekly digest. */
export function emailCommand(): Command {
  const email = new Command('email').description(
    'Email: send the messages due (retries included) once, queue and send the weekly digest',
  );

  email
    .command('send-due')
    .description('Send every message in the outbox that is due now (retries included), once, and report the counts')
    .action(async () => {
      await withStore(async (store, config) => {
        const settings = requireEmail(config);
        const mailer = smtpMailer(settings);
        try {
          const tally = await deliverDueEmails(store, mailer, settings);
          say(`Sent ${tally.sent}, to retry ${tally.retrying}, failed ${tally.failed}.`);
        } finally {
          mailer.close();
        }
      });
    });

  email
    .command('digest')
    .description(
      'Queue the weekly digest (next steps due, waves due, signals) for each practitioner and lead, and send it; at most one per person and week',
    )
    .option('--org <org>', 'only this organization (id or slug)')
    .action(async (options: { org?: string }) => {
      await withStore(async (store, config) => {
        const settings = requireEmail(config);
        const organizationId = options.org ? (await resolveOrganization(store, options.org)).id : undefined;
        const tally = await sendWeeklyDigest(store, settings, new Date(), { organizationId });
        const mailer = smtpMailer(settings);
        try {
          const sent = await deliverDueEmails(store, mailer, settings);
          say(
            `Queued ${countOf(tally.queued, 'digest')} (${tally.nothingToTell} with nothing to tell, ${tally.skipped} skipped); sent ${sent.sent}, to retry ${sent.retrying}, failed ${sent.failed}.`,
          );
        } finally {
          mailer.close();
        }
      });
    });

  return email;
}
