import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useRevokeToken } from './token-hooks.ts';

export function RevokeTokenButton({ orgId, token }: { orgId: string; token: ApiToken }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const revokeToken = useRevokeToken(orgId);

  const revoke = () =>
    revokeToken.mutate(token.id, {
      onSuccess: () => {
        close();
        notifyDone(`Token “${token.name}” is revoked.`);
      },
      onError: (error) => {
        close();
        notifyFailure('Token not revoked', error);
      },
    });

  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={open} aria-label={`Revoke token ${token.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Revoke token?"
        confirmLabel="Revoke token"
        pending={revokeToken.isPending}
        onConfirm={revoke}
        onCancel={close}
      >
        Scripts using “{token.name}” ({token.prefix}…) will be refused from now on. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
