import { CalendarFeedState, CreatedCalendarFeed } from '../../domain/calendar/schemas.ts';
import { apiGet, apiRequest, segment } from './client.ts';

const calendarFeedPath = (orgId: string): string => `/api/orgs/${segment(orgId)}/calendar-feed`;

export const fetchCalendarFeed = (orgId: string, signal?: AbortSignal): Promise<CalendarFeedState> =>
  apiGet(calendarFeedPath(orgId), CalendarFeedState, signal);

export const createCalendarFeed = (orgId: string): Promise<CreatedCalendarFeed> =>
  apiRequest('POST', calendarFeedPath(orgId), { schema: CreatedCalendarFeed });

export const revokeCalendarFeed = (orgId: string): Promise<void> => apiRequest('DELETE', calendarFeedPath(orgId));
