/** How Praxis sends email: the SMTP server, the sender, the public address links point to, and the limits. */
export interface EmailSettings {
  smtp: {
    host: string;
    port: number;
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: boolean;
    user: string | undefined;
    password: string | undefined;
  };
  /** The `From` of every message, e.g. `Praxis <praxis@example.org>`. */
  from: string;
  /** Where people reach this Praxis, e.g. `https://praxis.example.org`: the start of every link in a message. */
  publicUrl: string;
  /** Reminders a respondent gets at most, per survey link. */
  reminderLimit: number;
  /** Attempts to deliver a message before it is marked failed. */
  maxAttempts: number;
  /** The wait before the first retry; each later retry waits twice as long as the one before. */
  retryBaseSeconds: number;
  /** The longest wait between two attempts. */
  retryMaxSeconds: number;
}

/** When the weekly digest goes out (UTC), or null when it does not. */
export interface DigestSchedule {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  hour: number;
}
