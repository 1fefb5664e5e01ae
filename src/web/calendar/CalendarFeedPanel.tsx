import { Alert, Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { CalendarFeed, CreatedCalendarFeed } from '../../domain/calendar/schemas.ts';
import { errorMessageOf } from '../api/client.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { SecretShownOnce } from '../layout/SecretShownOnce.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './calendar-feed-hooks.ts';
import { CalendarSubscribeSteps } from './CalendarSubscribeSteps.tsx';

/** The full address a calendar subscribes to: this server's origin and the feed's path. */
const feedAddress = (created: CreatedCalendarFeed): string => new URL(created.path, window.location.origin).href;

/**
 * The member's calendar feed in one organization: create its secret address (shown once), see that one
 * is live, replace it or revoke it.
 */
export function CalendarFeedPanel({ orgId, organizationName }: { orgId: string; organizationName: string }) {
  const feed = useCalendarFeed(orgId);
  const createFeed = useCreateCalendarFeed(orgId);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [replacing, replaceDialog] = useDisclosure(false);

  const create = () =>
    createFeed.mutate(undefined, {
      onSuccess: (result) => {
        replaceDialog.close();
        setCreated(result);
      },
      onError: (error) => {
        replaceDialog.close();
        notifyFailure('Calendar address not created', error);
      },
    });

  if (created) {
    return (
      <SecretShownOnce
        warning="Copy this calendar address now"
        explanation="You will not see it again. Praxis stores only a hash of it; if it is lost, replace it with a new one."
        label={`Calendar address for ${organizationName}`}
        secret={feedAddress(created)}
        copyLabel="Copy address"
        testId="new-calendar-address"
        usage={<CalendarSubscribeSteps />}
        onDone={() => setCreated(null)}
      />
    );
  }
  if (feed.isPending) return <Loader size="sm" aria-label="Loading calendar address" />;
  if (feed.isError) {
    return (
      <Alert color="red" title="Calendar address not loaded">
        {errorMessageOf(feed.error)}
      </Alert>
    );
  }

  const live = feed.data.feed;
  if (!live) {
    return (
      <Stack gap="xs">
        <Text fz="sm">
          A secret address that Outlook, Google or Apple calendars subscribe to, with your next steps, the activities
          you plan and the measurement waves of the engagements you support in {organizationName}.
        </Text>
        <Button
          leftSection={<IconCalendarPlus size={16} aria-hidden />}
          onClick={create}
          loading={createFeed.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          Create calendar address
        </Button>
      </Stack>
    );
  }

  return (
    <Stack gap="xs">
      <LiveFeedSummary feed={live} />
      <Group gap="xs">
        <Button variant="default" onClick={replaceDialog.open}>
          Replace address
        </Button>
        <RevokeCalendarFeedButton orgId={orgId} />
      </Group>
      <ConfirmDialog
        opened={replacing}
        title="Replace calendar address?"
        confirmLabel="Replace address"
        pending={createFeed.isPending}
        onConfirm={create}
        onCancel={replaceDialog.close}
      >
        The address starting {live.prefix}… stops working; calendars subscribed to it must subscribe to the new one.
      </ConfirmDialog>
    </Stack>
  );
}

function LiveFeedSummary({ feed }: { feed: CalendarFeed }) {
  return (
    <Text fz="sm" data-testid="live-calendar-address">
      Your calendar address starting <Code>{feed.prefix}…</Code> was created on {formatDate(feed.createdAt)};{' '}
      {feed.lastUsedAt
        ? `a calendar last fetched it ${formatDateTime(feed.lastUsedAt)}.`
        : 'no calendar has fetched it yet.'}
    </Text>
  );
}

function RevokeCalendarFeedButton({ orgId }: { orgId: string }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const revokeFeed = useRevokeCalendarFeed(orgId);
  const revoke = () =>
    revokeFeed.mutate(undefined, {
      onSuccess: () => {
        close();
        notifyDone('The calendar address is revoked.');
      },
      onError: (error) => {
        close();
        notifyFailure('Calendar address not revoked', error);
      },
    });
  return (
    <>
      <Button variant="subtle" color="red" onClick={open}>
        Revoke address
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Revoke calendar address?"
        confirmLabel="Revoke address"
        pending={revokeFeed.isPending}
        onConfirm={revoke}
        onCancel={close}
      >
        Calendars subscribed to it stop receiving your dates. This cannot be undone; you can create a new address.
      </ConfirmDialog>
    </>
  );
}
