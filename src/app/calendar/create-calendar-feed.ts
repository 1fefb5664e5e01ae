import type { CreatedCalendarFeed } from '../../domain/calendar/schemas.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';

export const calendarTokenPrefix = 'cal_';

/** The feed's path for a token: the token is the whole credential, so the path is shown once. */
const calendarFeedPath = (token: string): string => `/api/calendar/${token}.ics`;

/**
 * A new secret calendar address for the member, replacing (revoking) any live one. The token is in
 * the answer only; its SHA-256 is stored. Both the revocation and the creation are kept in history.
 */
export async function createCalendarFeed(
  store: Store,
  organizationId: string,
  userId: string,
): Promise<CreatedCalendarFeed> {
  const token = `${calendarTokenPrefix}${randomSecret()}`;
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const previous = await tenant.calendarFeeds.live(userId);
    if (previous) {
      await tenant.calendarFeeds.revoke(previous.id);
      await tenant.recordHistory({
        entity: 'calendar_feed',
        entityId: previous.id,
        action: 'revoke',
        actor: userId,
        changes: { replaced: true },
      });
    }
    const feed = await tenant.calendarFeeds.create(
      userId,
      digestSecret(token),
      token.slice(0, calendarTokenPrefix.length + 6),
    );
    await tenant.recordHistory({
      entity: 'calendar_feed',
      entityId: feed.id,
      action: 'create',
      actor: userId,
      changes: { userId, prefix: feed.prefix },
    });
    return { feed, token, path: calendarFeedPath(token) };
  });
}
