import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <Stack align="flex-start">
      <Title order={1}>Not found</Title>
      <Text>This page does not exist, or you do not have access to it.</Text>
      <Button component={Link} to="/" variant="light">
        Go to your home page
      </Button>
    </Stack>
  );
}
