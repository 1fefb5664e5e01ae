import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedToken } from '../../domain/accounts/schemas.ts';

/** The one and only showing of a new token's secret. */
export function CreatedTokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} title="Copy this token now" role="alert">
        You will not see it again. Praxis stores only a hash of it; if it is lost, revoke it and create a new one.
      </Alert>
      <div>
        <Text fz="sm" fw={500} mb={4} id="new-token-label">
          Token “{created.apiToken.name}”
        </Text>
        <Code
          block
          aria-labelledby="new-token-label"
          data-testid="new-token-secret"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}
        >
          {created.token}
        </Code>
      </div>
      <Text fz="sm" c="dimmed">
        Send it as <Code>Authorization: Bearer &lt;token&gt;</Code> with each API request.
      </Text>
      <Group justify="space-between">
        <CopyButton value={created.token}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy token'}
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
