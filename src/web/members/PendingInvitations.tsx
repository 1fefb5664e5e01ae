import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Invitation } from '../../domain/accounts/invitations.ts';
import { roleLabels } from '../../domain/roles.ts';
import { formatDate } from '../format.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { useInvitations } from './member-hooks.ts';
import { RevokeInvitationButton } from './RevokeInvitationButton.tsx';

/** Invitations not answered yet, each with its role, expiry and a way to revoke it. Nothing shows when there are none. */
export function PendingInvitations({ orgId }: { orgId: string }) {
  const invitations = useInvitations(orgId);
  if (invitations.isError)
    return <LoadErrorPage error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (!invitations.isSuccess || invitations.data.length === 0) return null;
  return (
    <Stack component="section" gap="sm" mt="xl" aria-labelledby="pending-invitations-heading">
      <Title order={2} fz="lg" id="pending-invitations-heading">
        Pending invitations
      </Title>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Pending invitations">
        {invitations.data.map((invitation) => (
          <PendingInvitation key={invitation.id} orgId={orgId} invitation={invitation} />
        ))}
      </Stack>
    </Stack>
  );
}

function PendingInvitation({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  const expired = invitation.status === 'expired';
  return (
    <Paper withBorder p="sm" radius="md" component="li">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={500} fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {invitation.email}
          </Text>
          <Text fz="xs" c="dimmed">
            {roleLabels[invitation.role]} · sent {formatDate(invitation.createdAt)} ·{' '}
            {expired ? 'expired' : 'open until'} {formatDate(invitation.expiresAt)}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Badge color={expired ? 'gray' : 'blue'} variant="light">
            {expired ? 'expired' : 'pending'}
          </Badge>
          <RevokeInvitationButton orgId={orgId} invitation={invitation} />
        </Group>
      </Group>
    </Paper>
  );
}
