import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The part of a refusal that belongs to the whole form rather than one field. */
export function FormError({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}
