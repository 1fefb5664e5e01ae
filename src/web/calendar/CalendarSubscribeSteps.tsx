import { List, Text } from '@mantine/core';

/** How to subscribe to a feed address in the three calendars most people use. */
export function CalendarSubscribeSteps() {
  return (
    <div>
      <Text fz="sm" fw={500} mb={4}>
        Subscribe to it in your calendar
      </Text>
      <List fz="sm" spacing={4}>
        <List.Item>
          <strong>Outlook</strong>: Calendar → Add calendar → Subscribe from web; paste the address.
        </List.Item>
        <List.Item>
          <strong>Google Calendar</strong>: Other calendars → + → From URL; paste the address. Google fetches it from
          its own servers, so this Praxis server must be reachable from the internet.
        </List.Item>
        <List.Item>
          <strong>Apple Calendar</strong>: File → New Calendar Subscription (on iPhone: Settings → Calendar → Accounts →
          Add Account → Other → Add Subscribed Calendar); paste the address.
        </List.Item>
      </List>
      <Text fz="sm" c="dimmed" mt={4}>
        Calendars refresh a subscription every few hours. Anyone with the address can read these dates, so keep it to
        yourself; revoke it here if it leaks.
      </Text>
    </div>
  );
}
