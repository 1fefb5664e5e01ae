import { Alert, Stack, Title } from '@mantine/core';
import { usePageTitle } from '../hooks/usePageTitle.ts';

export function AdministratorsOnly() {
  usePageTitle('Administrators only');
  return (
    <Stack>
      <Title order={1}>Administrators only</Title>
      <Alert color="yellow">Only administrators of this organization can manage its members and API tokens.</Alert>
    </Stack>
  );
}
