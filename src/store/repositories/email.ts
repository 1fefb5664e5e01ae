import type { EmailKind, EmailStatus } from '../../domain/email/schemas.ts';
import type { EmailOutboxTable } from '../schema.ts';
import { newId, nowIso } from '../ids.ts';
import { isUniqueViolation, type Executor } from './executor.ts';

/** A message in the outbox, as the wave page and the sender see it. `body` is null once it is sent. */
export interface OutboxMessage {
  id: string;
  organizationId: string;
  kind: EmailKind;
  recipient: string;
  contactId: string | null;
  userId: string | null;
  waveId: string | null;
  responseId: string | null;
  /** The language the message's survey link asks for. */
  lang: string | null;
  subject: string;
  body: string | null;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface NewOutboxMessage {
  kind: EmailKind;
  recipient: string;
  contactId?: string | null;
  userId?: string | null;
  waveId?: string | null;
  responseId?: string | null;
  lang?: string | null;
  subject: string;
  body: string;
  unsubscribeHash: string;
  /** At most one message per key and organization (e.g. one digest per person and week). */
  dedupeKey?: string | null;
}

const toMessage = (r: Omit<EmailOutboxTable, 'unsubscribe_hash' | 'dedupe_key' | 'created_by'>): OutboxMessage => ({
  id: r.id,
  organizationId: r.organization_id,
  kind: r.kind as EmailKind,
  recipient: r.recipient,
  contactId: r.contact_id,
  userId: r.user_id,
  waveId: r.wave_id,
  responseId: r.response_id,
  lang: r.lang,
  subject: r.subject,
  body: r.body,
  status: r.status as EmailStatus,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
});

const listed = [
  'id',
  'organization_id',
  'kind',
  'recipient',
  'contact_id',
  'user_id',
  'wave_id',
  'response_id',
  'lang',
  'subject',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'updated_at',
  'sent_at',
] as const;

/** Addresses are compared without case: `Ana@Example.org` and `ana@example.org` are one mailbox. */
export const addressKey = (address: string): string => address.trim().toLowerCase();

/** One organization's outgoing email and unsubscribed addresses. */
export class EmailRepository {
  constructor(
    private readonly db: Executor,
    private readonly organizationId: string,
  ) {}

  /**
   * Puts messages in the outbox, due now. A message whose dedupe key is already taken is left out;
   * the messages written are returned.
   */
  async enqueue(messages: readonly NewOutboxMessage[], actor: string | null, now = nowIso()): Promise<OutboxMessage[]> {
    const rows: EmailOutboxTable[] = messages.map((m) => ({
      id: newId(),
      organization_id: this.organizationId,
      kind: m.kind,
      recipient: addressKey(m.recipient),
      contact_id: m.contactId ?? null,
      user_id: m.userId ?? null,
      wave_id: m.waveId ?? null,
      response_id: m.responseId ?? null,
      lang: m.lang ?? null,
      subject: m.subject,
      body: m.body,
      unsubscribe_hash: m.unsubscribeHash,
      dedupe_key: m.dedupeKey ?? null,
      status: 'queued',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      created_by: actor,
      updated_at: now,
      sent_at: null,
    }));
    const written: EmailOutboxTable[] = [];
    const keyed = rows.filter((r) => r.dedupe_key !== null);
    const plain = rows.filter((r) => r.dedupe_key === null);
    for (let at = 0; at < plain.length; at += 500) {
      const chunk = plain.slice(at, at + 500);
      await this.db.insertInto('email_outbox').values(chunk).execute();
      written.push(...chunk);
    }
    for (const row of keyed) {
      const taken = await this.db
        .selectFrom('email_outbox')
        .select('id')
        .where('organization_id', '=', this.organizationId)
        .where('dedupe_key', '=', row.dedupe_key)
        .executeTakeFirst();
      if (taken) continue;
      try {
        await this.db.insertInto('email_outbox').values(row).execute();
        written.push(row);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return written.map(toMessage);
  }

  /** Every message about a wave, oldest first, without bodies. */
  async listForWave(waveId: string): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('email_outbox')
      .select(listed)
      .where('organization_id', '=', this.organizationId)
      .where('wave_id', '=', waveId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => toMessage({ ...r, body: null }));
  }

  /** The addresses among `addresses` (compared without case) that asked for no more email. */
  async unsubscribed(addresses: readonly string[]): Promise<Set<string>> {
    const keys = [...new Set(addresses.map(addressKey))];
    const found = new Set<string>();
    for (let at = 0; at < keys.length; at += 500) {
      const rows = await this.db
        .selectFrom('email_unsubscribes')
        .select('address')
        .where('organization_id', '=', this.organizationId)
        .where('address', 'in', keys.slice(at, at + 500))
        .execute();
      for (const row of rows) found.add(row.address);
    }
    return found;
  }

  /** Records that `address` wants no more email; a second request changes nothing. */
  async unsubscribe(address: string, messageId: string | null, now = nowIso()): Promise<boolean> {
    const key = addressKey(address);
    if ((await this.unsubscribed([key])).has(key)) return false;
    try {
      await this.db
        .insertInto('email_unsubscribes')
        .values({ organization_id: this.organizationId, address: key, unsubscribed_at: now, message_id: messageId })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Stops every message to `address` that is not sent yet: it asked for no more email. */
  async withdrawPending(address: string, now = nowIso()): Promise<number> {
    const result = await this.db
      .updateTable('email_outbox')
      .set({ status: 'failed', last_error: 'unsubscribed', next_attempt_at: null, body: null, updated_at: now })
      .where('organization_id', '=', this.organizationId)
      .where('recipient', '=', addressKey(address))
      .where('status', 'in', ['queued', 'retrying'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Puts failed messages of a wave back in the queue, due now; those whose body is gone cannot be. */
  async requeueFailed(waveId: string, now = nowIso()): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('email_outbox')
      .select(listed)
      .where('organization_id', '=', this.organizationId)
      .where('wave_id', '=', waveId)
      .where('status', '=', 'failed')
      .where('body', 'is not', null)
      .execute();
    if (rows.length === 0) return [];
    await this.db
      .updateTable('email_outbox')
      .set({ status: 'queued', next_attempt_at: now, attempts: 0, updated_at: now })
      .where('organization_id', '=', this.organizationId)
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => toMessage({ ...r, body: null, status: 'queued', attempts: 0, next_attempt_at: now }));
  }
}

/** Messages across organizations, for the sender: which are due, claiming one, and settling its attempt. */
export class EmailOutboxRepository {
  constructor(private readonly db: Executor) {}

  /** Messages due by `now` (queued, or retrying whose wait is over), the longest waiting first. */
  async due(now: string, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('email_outbox')
      .select([...listed, 'body'])
      .where('next_attempt_at', '<=', now)
      .where('status', 'in', ['queued', 'retrying'])
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  }

  /**
   * Takes a due message for one attempt: counts the attempt and moves its next attempt to `leaseUntil`,
   * so another sender passes it by, and a sender that dies mid-attempt leaves it due again later.
   * False when another sender took it first.
   */
  async claim(message: OutboxMessage, leaseUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('email_outbox')
      .set({ attempts: message.attempts + 1, next_attempt_at: leaseUntil })
      .where('id', '=', message.id)
      .where('attempts', '=', message.attempts)
      .where('status', 'in', ['queued', 'retrying'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Writes an attempt's outcome. A sent message loses its body: its links now live only in the mailbox. */
  async settle(
    id: string,
    state: { status: EmailStatus; nextAttemptAt: string | null; lastError: string | null },
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('email_outbox')
      .set({
        status: state.status,
        next_attempt_at: state.nextAttemptAt,
        last_error: state.lastError,
        updated_at: now,
        ...(state.status === 'sent' ? { sent_at: now, body: null } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** The message an unsubscribe link came in, by the SHA-256 of its token. */
  async findByUnsubscribeHash(hash: string): Promise<OutboxMessage | undefined> {
    const row = await this.db
      .selectFrom('email_outbox')
      .select(listed)
      .where('unsubscribe_hash', '=', hash)
      .executeTakeFirst();
    return row && toMessage({ ...row, body: null });
  }
}
