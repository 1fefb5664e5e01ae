import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useLogOut } from '../session/useLogOut.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { DisplayNameForm } from './DisplayNameForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';

/** The signed-in person's own account: name, password, signing out. */
export function ProfilePage() {
  usePageTitle('Profile');
  const { user } = useSignedInSession();
  const logOut = useLogOut();

  return (
    <>
      <PageHeader title="Profile" description="Your account, the same in every organization you belong to." />
      <Stack gap="lg" maw={560}>
        <ProfileSection title="Name">
          <DisplayNameForm user={user} />
        </ProfileSection>
        <ProfileSection title="Password">
          <PasswordForm />
        </ProfileSection>
        <ProfileSection title="Sign out">
          <Text fz="sm" c="dimmed">
            Ends this session in this browser.
          </Text>
          <Button
            variant="default"
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={() => logOut.mutate()}
            loading={logOut.isPending}
            style={{ alignSelf: 'flex-start' }}
          >
            Sign out
          </Button>
        </ProfileSection>
      </Stack>
    </>
  );
}

function ProfileSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section">
      <Stack>
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
