import ical from 'ical-generator';
import type { CalendarItem } from './schemas.ts';

/** The domain of every event's UID: the same item keeps its UID in every fetch of every feed. */
const uidDomain = 'praxis.calendar';

/**
 * One person's feed as iCalendar text (RFC 5545, written by ical-generator): one all-day event per
 * item, dated without a time zone, so it falls on the same day in Outlook, Google and Apple calendars.
 */
export function renderCalendar(name: string, items: readonly CalendarItem[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Praxis', product: 'Calendar feed', language: 'EN' },
    ttl: 3600,
  });
  for (const item of items)
    calendar.createEvent({
      id: `${item.uid}@${uidDomain}`,
      start: item.date,
      allDay: true,
      summary: item.summary,
      description: item.description,
      categories: [{ name: item.kind }],
    });
  return calendar.toString();
}
