import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

interface SecretShownOnceProps {
  /** The alert's title, e.g. "Copy this token now". */
  warning: string;
  /** Why it is shown once and what to do if it is lost. */
  explanation: ReactNode;
  /** Names the secret, e.g. "Token “deploy”". */
  label: string;
  secret: string;
  copyLabel: string;
  /** How to use the secret, below it. */
  usage?: ReactNode;
  testId: string;
  onDone: () => void;
}

/** The one and only showing of a new secret (an API token, an invitation link, a calendar address), with a Copy button. */
export function SecretShownOnce({
  warning,
  explanation,
  label,
  secret,
  copyLabel,
  usage,
  testId,
  onDone,
}: SecretShownOnceProps) {
  const labelId = useId();
  return (
    <Stack>
      <Alert
        color="yellow"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title={warning}
        role="alert"
        // Yellow titles on the light yellow ground reach 2.7:1; the text colour keeps them readable.
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        {explanation}
      </Alert>
      <div>
        <Text fz="sm" fw={500} mb={4} id={labelId}>
          {label}
        </Text>
        <Code
          block
          aria-labelledby={labelId}
          data-testid={testId}
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}
        >
          {secret}
        </Code>
      </div>
      {usage}
      <Group justify="space-between">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              onClick={copy}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : copyLabel}
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
