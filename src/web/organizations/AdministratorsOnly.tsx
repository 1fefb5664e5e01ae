import { Alert, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../hooks/usePageTitle.ts';

const ADMINISTRATION = 'Only administrators of this organization can manage its members and API tokens.';

/** Tells a person why a page is not theirs to see; `message` names what only administrators may do there. */
export function AdministratorsOnly({ message = ADMINISTRATION }: { message?: string }) {
  usePageTitle('Administrators only');
  return (
    <Stack>
      <Title order={1}>Administrators only</Title>
      <Alert color="yellow">{message}</Alert>
    </Stack>
  );
}
