import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { CreatedInvitation } from '../../domain/accounts/invitations.ts';
import { InvitationLink } from './InvitationLink.tsx';
import { InviteMemberForm } from './InviteMemberForm.tsx';

interface InviteMemberDialogProps {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}

/** Creates an invitation, then shows its link in the same dialog; closing forgets the link. */
export function InviteMemberDialog({ orgId, opened, onClose }: InviteMemberDialogProps) {
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Invitation link' : 'Invite member'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
      // Once the link shows, a stray click outside must not lose it.
      closeOnClickOutside={created === null}
    >
      {created ? (
        <InvitationLink created={created} onDone={close} />
      ) : (
        <InviteMemberForm orgId={orgId} onInvited={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}
