import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorMessageOf } from '../api/client.ts';
import { unsubscribe } from './email-api.ts';

/**
 * The page an unsubscribe link opens. It asks before it acts: mail scanners open links, and a click on
 * a button is the person's own.
 */
export default function UnsubscribePage() {
  const { token = '' } = useParams();
  const done = useMutation({ mutationFn: () => unsubscribe(token) });
  return (
    <Container size="xs" py="xl" component="main">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={1} size="h3">
            Unsubscribe
          </Title>
          {done.isSuccess ? (
            <Alert color="teal" variant="light" title="You are unsubscribed.">
              {done.data.email} gets no more email from {done.data.organizationName} through Praxis.
            </Alert>
          ) : (
            <>
              <Text>
                Stop all email from this organization through Praxis: survey invitations, reminders and digests.
              </Text>
              {done.isError && (
                <Alert color="red" variant="light">
                  {errorMessageOf(done.error)}
                </Alert>
              )}
              <Button onClick={() => done.mutate()} loading={done.isPending}>
                Unsubscribe
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
