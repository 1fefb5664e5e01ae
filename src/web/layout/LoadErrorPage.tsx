import { Alert, Button, Center, Stack, Title } from '@mantine/core';
import { errorMessageOf } from '../api/client.ts';

/** Shown when a page's data could not be loaded, with a way to try again. */
export function LoadErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Center mih="40vh" p="md">
      <Stack maw={480} w="100%">
        <Title order={1} fz="h3">
          Could not load this page
        </Title>
        <Alert color="red" role="alert">
          {errorMessageOf(error)}
        </Alert>
        {onRetry && (
          <Button variant="default" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Center>
  );
}
