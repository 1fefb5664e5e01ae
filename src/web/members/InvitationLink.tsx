import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedInvitation } from '../../domain/accounts/invitations.ts';
import { roleLabels } from '../../domain/roles.ts';
import { formatDate } from '../format.ts';

/** The one and only showing of a new invitation's link. */
export function InvitationLink({ created, onDone }: { created: CreatedInvitation; onDone: () => void }) {
  const link = `${window.location.origin}${created.path}`;
  return (
    <Stack>
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title="Copy this link now"
        role="alert"
        // Yellow titles on the light yellow ground reach 2.7:1; the text colour keeps them readable.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        You will not see it again. Send it to {created.invitation.email} only: whoever holds it can answer the
        invitation. If it is lost, invite them again; the old link then stops working.
      </Alert>
      <div>
        <Text fz="sm" fw={500} mb={4} id="invitation-link-label">
          Invitation for {created.invitation.email} as {roleLabels[created.invitation.role].toLowerCase()}, open until{' '}
          {formatDate(created.invitation.expiresAt)}
        </Text>
        <Code
          block
          aria-labelledby="invitation-link-label"
          data-testid="invitation-link"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}
        >
          {link}
        </Code>
      </div>
      <Group justify="space-between">
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
