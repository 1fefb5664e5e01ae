import { ActionIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserMinus } from '@tabler/icons-react';
import type { Member } from '../../domain/accounts/schemas.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { notifyFailure } from '../notify.ts';
import { useRemoveMember } from './member-hooks.ts';

/** Removes a member from the organization after confirmation; their account and records stay. */
export function RemoveMemberButton({ orgId, member }: { orgId: string; member: Member }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const removeMember = useRemoveMember(orgId);

  const remove = () =>
    removeMember.mutate(member, {
      onSuccess: close,
      onError: (error) => {
        close();
        notifyFailure('Member not removed', error);
      },
    });

  return (
    <>
      <Tooltip label="Remove from organization">
        <ActionIcon variant="subtle" color="red" onClick={open} aria-label={`Remove ${member.name}`}>
          <IconUserMinus size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={confirming}
        title="Remove member?"
        confirmLabel="Remove member"
        pending={removeMember.isPending}
        onConfirm={remove}
        onCancel={close}
      >
        {member.name} ({member.email}) will lose access to this organization. Their account and the records they made
        are kept.
      </ConfirmDialog>
    </>
  );
}
