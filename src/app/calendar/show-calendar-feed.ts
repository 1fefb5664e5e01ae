import { calendarItems } from '../../domain/calendar/calendar-items.ts';
import { renderCalendar } from '../../domain/calendar/ics.ts';
import { notFound } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret } from '../accounts/secrets.ts';

/** How far back the feed reaches: what is older has left the week a practitioner plans. */
export const calendarPastDays = 90;

const daysBefore = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * The iCalendar text a feed token opens on `today`: the person's open next steps with a due date and
 * the scheduled waves of the engagements they support (not ended), and the planned activities they
 * own, from `calendarPastDays` ago on. An unknown or revoked token, or a person no longer a member,
 * is not found.
 */
export async function showCalendarFeed(store: Store, token: string, today: string): Promise<string> {
  const grant = await store.findCalendarFeed(digestSecret(token), new Date().toISOString());
  if (!grant) throw notFound('Calendar feed');
  const tenant = store.tenant(grant.organizationId);
  const [member, organization] = await Promise.all([
    tenant.members.find(grant.userId),
    store.organizations.findById(grant.organizationId),
  ]);
  if (!member || !organization) throw notFound('Calendar feed');
  const from = daysBefore(today, calendarPastDays);
  const engagements = await tenant.engagements.list();
  const supported = engagements
    .filter((e) => e.supportTeam.includes(grant.userId) && (e.endDate === null || e.endDate >= today))
    .map((e) => e.id);
  const supportedSet = new Set(supported);
  const [steps, plans, waves] = await Promise.all([
    tenant.interactions.nextStepsDue({ from, before: '9999-12-31' }, { engagementIds: supported, limit: 1000 }),
    tenant.stagePlans.list(),
    tenant.waves.scheduledBetween(from, '9999-12-31'),
  ]);
  const items = calendarItems({
    personId: grant.userId,
    engagementNames: new Map(engagements.map((e) => [e.id, e.name])),
    nextSteps: steps.steps,
    plans,
    waves: waves.filter((w) => supportedSet.has(w.engagementId)),
    from,
  });
  return renderCalendar(`${member.name} — ${organization.name} (Praxis)`, items);
}
