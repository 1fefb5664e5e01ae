import { Button, Group } from '@mantine/core';

interface FormActionsProps {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}

/** Cancel and submit at the foot of a dialog form. */
export function FormActions({ submitLabel, pending, onCancel }: FormActionsProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
