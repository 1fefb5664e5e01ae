import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import type { InvitationView } from '../../domain/accounts/invitations.ts';
import { errorMessageOf } from '../api/client.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useAcceptInvitation, useDeclineInvitation } from './invitation-hooks.ts';

interface InvitationAnswerProps {
  token: string;
  invitation: InvitationView;
  /** Only the invited person may accept; anyone holding the link may decline. */
  canAccept: boolean;
  onDeclined: () => void;
}

/** Accept (you join at once, with the invited role) or decline (nothing is created). */
export function InvitationAnswer({ token, invitation, canAccept, onDeclined }: InvitationAnswerProps) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const decline = useDeclineInvitation(token);
  const [confirming, { open, close }] = useDisclosure(false);
  const failure = accept.error ?? decline.error;

  return (
    <Stack>
      <FormError message={failure ? errorMessageOf(failure) : null} />
      <Group justify="flex-end">
        <Button variant="default" color="red" onClick={open}>
          Decline
        </Button>
        {canAccept && (
          <Button
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(undefined, {
                onSuccess: ({ organizationId }) => void navigate(`/orgs/${encodeURIComponent(organizationId)}`),
              })
            }
          >
            Accept and join
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={confirming}
        title="Decline the invitation?"
        confirmLabel="Decline"
        pending={decline.isPending}
        onConfirm={() =>
          decline.mutate(undefined, {
            onSuccess: () => {
              close();
              onDeclined();
            },
            onError: close,
          })
        }
        onCancel={close}
      >
        <Text>
          You will not join {invitation.organizationName}, and this link will stop working. They can invite you again.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
