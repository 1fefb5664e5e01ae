import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Invitation } from '../../domain/accounts/invitations.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useRevokeInvitation } from './member-hooks.ts';

/** Withdraws a pending invitation after confirmation; its link stops working at once. */
export function RevokeInvitationButton({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const revokeInvitation = useRevokeInvitation(orgId);

  const revoke = () =>
    revokeInvitation.mutate(invitation.id, {
      onSuccess: () => {
        close();
        notifyDone(`The invitation of ${invitation.email} is revoked.`);
      },
      onError: (error) => {
        close();
        notifyFailure('Invitation not revoked', error);
      },
    });

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        onClick={open}
        aria-label={`Revoke the invitation of ${invitation.email}`}
      >
        Revoke
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Revoke invitation?"
        confirmLabel="Revoke invitation"
        pending={revokeInvitation.isPending}
        onConfirm={revoke}
        onCancel={close}
      >
        The link sent to {invitation.email} will stop working. You can invite them again later.
      </ConfirmDialog>
    </>
  );
}
