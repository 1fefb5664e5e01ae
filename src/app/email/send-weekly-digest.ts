import { digestMessage, unsubscribeLink } from '../../domain/email/messages.ts';
import type { EmailSettings } from '../../domain/email/settings.ts';
import type { NewOutboxMessage } from '../../store/repositories/email.ts';
import { addressKey } from '../../store/repositories/email.ts';
import type { Store } from '../../store/store.ts';
import { showHome } from '../home/show-home.ts';
import { listSignals } from '../signals/list-signals.ts';
import { requireEmailSettings, unsubscribeToken } from './email-records.ts';

export interface DigestTally {
  /** Digests put in the outbox. */
  queued: number;
  /** People with nothing due and no signals: no digest. */
  nothingToTell: number;
  /** People whose address asked for no more email, or who already had this week's digest. */
  skipped: number;
}

/** The Monday of the week `date` (YYYY-MM-DD) falls in: one digest per person and week. */
const weekOf = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
};

/**
 * The weekly digest: for each practitioner and lead of every organization (of one, when named), what
 * their home page shows of the week — next steps overdue and due soon, waves due — and the signals of
 * their engagements (a lead's: the team's). Only people with something to tell get one, at most one per
 * week: running it twice in a week queues nothing new.
 */
export async function sendWeeklyDigest(
  store: Store,
  emailSettings: EmailSettings | null,
  now = new Date(),
  options: { organizationId?: string } = {},
): Promise<DigestTally> {
  const settings = requireEmailSettings(emailSettings);
  const today = now.toISOString().slice(0, 10);
  const week = weekOf(today);
  const tally: DigestTally = { queued: 0, nothingToTell: 0, skipped: 0 };
  const organizations = (await store.organizations.list()).filter(
    (o) => options.organizationId === undefined || o.id === options.organizationId,
  );
  for (const organization of organizations) {
    const tenant = store.tenant(organization.id);
    const people = (await tenant.members.list()).filter((m) => m.role === 'practitioner' || m.role === 'lead');
    if (people.length === 0) continue;
    const signals = await listSignals(tenant, today);
    const names = await tenant.engagements.namesOf([...new Set(signals.map((s) => s.engagementId))]);
    const unsubscribed = await tenant.emails.unsubscribed(people.map((p) => p.email));
    const messages: NewOutboxMessage[] = [];
    for (const person of people) {
      if (unsubscribed.has(addressKey(person.email))) {
        tally.skipped += 1;
        continue;
      }
      const home = await showHome(tenant, { role: person.role, personId: person.userId }, today);
      const own = new Set((home.engagements ?? []).map((e) => e.id));
      const theirs = person.role === 'lead' ? signals : signals.filter((s) => own.has(s.engagementId));
      const unsubscribe = unsubscribeToken();
      const composed = digestMessage({
        personName: person.name,
        organizationName: organization.name,
        today,
        homeUrl: `${settings.publicUrl.replace(/\/+$/, '')}/`,
        nextSteps: home.nextSteps ?? { overdue: 0, dueSoon: 0, items: [] },
        waves: home.wavesDue ?? [],
        signals: theirs.map((s) => ({ title: s.title, engagementName: names.get(s.engagementId) ?? '' })),
        unsubscribe: unsubscribeLink(settings.publicUrl, unsubscribe.token),
      });
      if (!composed) {
        tally.nothingToTell += 1;
        continue;
      }
      messages.push({
        kind: 'digest',
        recipient: person.email,
        userId: person.userId,
        subject: composed.subject,
        body: composed.text,
        unsubscribeHash: unsubscribe.hash,
        dedupeKey: `digest:${person.userId}:${week}`,
      });
    }
    const queued = await tenant.emails.enqueue(messages, null, now.toISOString());
    tally.queued += queued.length;
    tally.skipped += messages.length - queued.length;
  }
  return tally;
}
