import { Modal } from '@mantine/core';
import { useState } from 'react';
import type { CreatedToken } from '../../domain/accounts/schemas.ts';
import { CreatedTokenSecret } from './CreatedTokenSecret.tsx';
import { CreateTokenForm } from './CreateTokenForm.tsx';

interface CreateTokenDialogProps {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}

/** Creates a token, then shows its secret in the same dialog; closing forgets the secret. */
export function CreateTokenDialog({ orgId, opened, onClose }: CreateTokenDialogProps) {
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Your new API token' : 'Create API token'}
      size="lg"
      // Once the secret shows, a stray click outside must not lose it.
      closeOnClickOutside={created === null}
    >
      {created ? (
        <CreatedTokenSecret created={created} onDone={close} />
      ) : (
        <CreateTokenForm orgId={orgId} onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}
