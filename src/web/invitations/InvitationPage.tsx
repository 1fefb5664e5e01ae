import { Alert, Button, Center, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { roleLabels } from '../../domain/roles.ts';
import { errorMessageOf } from '../api/client.ts';
import { logOut } from '../api/session.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PraxisMark } from '../layout/PraxisMark.tsx';
import { queryKeys } from '../query-keys.ts';
import { useSession } from '../session/useSession.ts';
import { InvitationAccountForm } from './InvitationAccountForm.tsx';
import { InvitationAnswer } from './InvitationAnswer.tsx';
import { useInvitation } from './invitation-hooks.ts';
import { InvitationSignIn } from './InvitationSignIn.tsx';

/**
 * The invitee's page at /invitation/:token: what they are invited to, and how to answer — signed in
 * with the invited email (or after creating that account) they accept or decline.
 */
export default function InvitationPage() {
  usePageTitle('Invitation');
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const session = useSession();
  const queryClient = useQueryClient();
  const [declined, setDeclined] = useState(false);

  const signOut = async () => {
    await logOut();
    queryClient.setQueryData(queryKeys.session, null);
  };

  let content;
  if (declined)
    content = (
      <Alert color="gray" title="Invitation declined" role="status">
        Nothing was changed. You can close this page.
      </Alert>
    );
  else if (invitation.isError)
    content = (
      <Alert color="red" title="This invitation is not available" role="alert">
        {errorMessageOf(invitation.error)}
      </Alert>
    );
  else if (invitation.isPending || session.isPending) content = <LoadingPage />;
  else {
    const view = invitation.data;
    const signedInAs = session.data?.user.email ?? null;
    const isInvitee = signedInAs === view.email;
    content = (
      <Stack>
        <Text>
          {view.invitedByName ? `${view.invitedByName} invites you` : 'You are invited'} to join{' '}
          <strong>{view.organizationName}</strong> as <strong>{roleLabels[view.role].toLowerCase()}</strong>.
        </Text>
        <Text fz="sm" c="dimmed">
          Invitation for {view.email}, open until {formatDate(view.expiresAt)}.
        </Text>
        {signedInAs !== null && !isInvitee && (
          <Alert
            color="yellow"
            title="You are signed in with another email"
            role="alert"
            // Yellow titles on the light yellow ground reach 2.7:1; the text colour keeps them readable.
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
          >
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">
                You are signed in as {signedInAs}; this invitation is for {view.email}. Sign out, then sign in with the
                invited email to accept it.
              </Text>
              <Button size="xs" variant="default" onClick={() => void signOut()}>
                Sign out
              </Button>
            </Stack>
          </Alert>
        )}
        {signedInAs === null && (
          <>
            <InvitationSignIn email={view.email} />
            <Divider label="or" labelPosition="center" />
            <InvitationAccountForm token={token} email={view.email} />
            <Divider />
          </>
        )}
        <InvitationAnswer token={token} invitation={view} canAccept={isInvitee} onDeclined={() => setDeclined(true)} />
      </Stack>
    );
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={480} gap="lg">
        <Center>
          <PraxisMark />
        </Center>
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md" component="main">
          <Stack>
            <Title order={1} fz={24}>
              Invitation to Praxis
            </Title>
            {content}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
