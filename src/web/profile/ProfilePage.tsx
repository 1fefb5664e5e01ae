import { Button, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { CalendarSection } from '../calendar/CalendarSection.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { SectionCard } from '../layout/SectionCard.tsx';
import { useLogOut } from '../session/useLogOut.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { DisplayNameForm } from './DisplayNameForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';

/** The signed-in person's own account: name, password, calendar addresses, signing out. */
export function ProfilePage() {
  usePageTitle('Profile');
  const { user, organizations } = useSignedInSession();
  const logOut = useLogOut();

  return (
    <>
      <PageHeader title="Profile" description="Your account, the same in every organization you belong to." />
      <Stack gap="lg" maw={560}>
        <SectionCard title="Name">
          <DisplayNameForm user={user} />
        </SectionCard>
        <SectionCard title="Password">
          <PasswordForm />
        </SectionCard>
        <CalendarSection organizations={organizations} />
        <SectionCard title="Sign out">
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
        </SectionCard>
      </Stack>
    </>
  );
}
