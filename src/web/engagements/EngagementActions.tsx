import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Engagement } from '../../domain/support/schemas.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useDeleteEngagement, useRestoreEngagement } from './engagement-hooks.ts';
import { engagementPath } from './engagement-paths.ts';

/** Edit and delete for a live engagement, restore for a deleted one; only for people who may edit records. */
export function EngagementActions({ orgId, engagement }: { orgId: string; engagement: Engagement }) {
  const remove = useDeleteEngagement(orgId, engagement.id);
  const restore = useRestoreEngagement(orgId, engagement.id);
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);

  if (engagement.deletedAt !== null) {
    const onRestore = () =>
      restore.mutate(undefined, {
        onSuccess: () => notifyDone(`${engagement.name} restored.`),
        onError: (error) => notifyFailure('Could not restore the engagement', error),
      });
    return (
      <Button leftSection={<IconRestore size={18} aria-hidden />} onClick={onRestore} loading={restore.isPending}>
        Restore
      </Button>
    );
  }

  const onDelete = () =>
    remove.mutate(engagement.version, {
      onSuccess: () => {
        cancel();
        notifyDone(`${engagement.name} deleted. You can restore it from its page.`);
      },
      onError: (error) => notifyFailure('Could not delete the engagement', error),
    });
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={confirm}>
        Delete
      </Button>
      <Button
        component={Link}
        to={engagementPath(orgId, engagement.id, 'edit')}
        variant="default"
        leftSection={<IconPencil size={18} aria-hidden />}
      >
        Edit
      </Button>
      <Button component={Link} to={engagementPath(orgId, engagement.id, 'observe')} variant="default">
        Observe a session
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Delete this engagement?"
        confirmLabel="Delete"
        pending={remove.isPending}
        onConfirm={onDelete}
        onCancel={cancel}
      >
        Its interactions stop counting in the dashboard. The engagement, its interactions and its history are kept, and
        it can be restored.
      </ConfirmDialog>
    </>
  );
}
