import type { FastifyBaseLogger } from 'fastify';
import { deliverDueEmails } from '../../app/email/deliver-due-emails.ts';
import { sendWeeklyDigest } from '../../app/email/send-weekly-digest.ts';
import { smtpMailer, type Mailer } from '../../app/email/smtp-mailer.ts';
import type { DigestSchedule, EmailSettings } from '../../domain/email/settings.ts';
import type { Store } from '../../store/store.ts';

/**
 * The server's sender: drains the outbox when mail is queued (`kick`) and every `intervalSeconds`
 * (retries fall due), and queues the weekly digest at its hour. One drain runs at a time; a kick during
 * a drain runs another after it. It logs counts only, never a message, an address or a link.
 */
export class EmailWorker {
  private readonly mailer: Mailer;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private digestWeek: string | undefined;

  constructor(
    private readonly store: Store,
    private readonly settings: EmailSettings,
    private readonly log: FastifyBaseLogger,
    private readonly options: { intervalSeconds: number; digest: DigestSchedule | null },
  ) {
    this.mailer = smtpMailer(settings);
  }

  start(): void {
    if (this.options.intervalSeconds > 0)
      this.timer = setInterval(() => void this.tick(), this.options.intervalSeconds * 1000).unref();
    this.kick();
  }

  /** Drains the outbox soon; returns when that drain is done. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drainUntilQuiet().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.again = false;
    await this.running;
    this.mailer.close();
  }

  private async tick(): Promise<void> {
    const now = new Date();
    const digest = this.options.digest;
    if (digest && now.getUTCDay() === digest.weekday && now.getUTCHours() >= digest.hour) {
      const week = now.toISOString().slice(0, 10);
      if (this.digestWeek !== week) {
        this.digestWeek = week;
        try {
          const tally = await sendWeeklyDigest(this.store, this.settings, now);
          this.log.info({ digest: tally }, 'weekly digest queued');
        } catch (error) {
          this.log.error({ err: { message: (error as Error).message } }, 'weekly digest failed');
        }
      }
    }
    await this.kick();
  }

  private async drainUntilQuiet(): Promise<void> {
    do {
      this.again = false;
      try {
        const tally = await deliverDueEmails(this.store, this.mailer, this.settings, new Date());
        if (tally.sent + tally.retrying + tally.failed > 0) this.log.info({ email: tally }, 'email delivered');
      } catch (error) {
        this.log.error({ err: { message: (error as Error).message } }, 'email delivery failed');
      }
    } while (this.again);
  }
}
