import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { errorMessageOf } from '../api/client.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { useRevokeToken } from './token-hooks.ts';

export function RevokeTokenButton({ orgId, token }: { orgId: string; token: ApiToken }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const revokeToken = useRevokeToken(orgId);

  const revoke = () =>
    revokeToken.mutate(token.id, {
      onSuccess: () => {
        close();
        notifications.show({ color: 'teal', message: `Token “${token.name}” is revoked.` });
      },
      onError: (error) => {
        close();
        notifications.show({ color: 'red', title: 'Token not revoked', message: errorMessageOf(error) });
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
