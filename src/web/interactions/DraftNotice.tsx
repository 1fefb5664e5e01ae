import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { formatDateTime } from '../format.ts';

/** Tells the person their unsaved form came back, and offers to throw it away. */
export function DraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) {
  return (
    <Alert color="yellow" icon={<IconRestore size={18} aria-hidden />} title="Unsaved draft restored" role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          You had unsaved changes here from {formatDateTime(savedAt)}. They are back in the form below.
        </Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard draft
        </Button>
      </Group>
    </Alert>
  );
}
