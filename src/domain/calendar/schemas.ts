import { z } from 'zod';
import { Id } from '../support/schemas.ts';

/**
 * A member's calendar feed: a secret iCalendar address with that person's next steps, planned
 * activities and measurement waves, for Outlook, Google or Apple calendars. Only a hash of its token
 * is stored; the address is shown once, when it is created, and a new one replaces the old.
 */
export const CalendarFeed = z.object({
  id: Id,
  /** The first characters of the token, to recognise the address by. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe('When a calendar last fetched the feed (at most once a minute).'),
  revokedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedState = z.object({
  /** The live feed, or null when the member has none. */
  feed: CalendarFeed.nullable(),
});
export type CalendarFeedState = z.infer<typeof CalendarFeedState>;

export const CreatedCalendarFeed = z.object({
  feed: CalendarFeed,
  /** The secret token: shown in this response only, stored only as a hash. */
  token: z.string(),
  /** The feed's path on this server, `/api/calendar/{token}.ics`, to subscribe to. */
  path: z.string(),
});
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;

export const calendarItemKinds = ['nextStep', 'plannedActivity', 'wave'] as const;
export type CalendarItemKind = (typeof calendarItemKinds)[number];

/** One all-day event of a feed. */
export interface CalendarItem {
  /** Stable across fetches, so a calendar updates the event rather than adding another. */
  uid: string;
  kind: CalendarItemKind;
  date: string;
  summary: string;
  description: string;
}
