import { AppShell, Box, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { usePhoneLayout } from '../hooks/usePhoneLayout.ts';
import { preferredOrganization } from '../organizations/last-organization.ts';
import { useCurrentOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { MainNavigation } from './MainNavigation.tsx';
import { OrganizationSwitcher } from './OrganizationSwitcher.tsx';
import { PraxisMark } from './PraxisMark.tsx';
import { SkipLink } from './SkipLink.tsx';
import { useFocusMainOnNavigation } from './useFocusMainOnNavigation.ts';
import { UserMenu } from './UserMenu.tsx';

/** The frame of every signed-in page: header with organization switcher and account menu, navigation, content. */
export function AppLayout() {
  const session = useSignedInSession();
  const [navigationOpen, { toggle: toggleNavigation, close: closeNavigation }] = useDisclosure(false);
  const { pathname } = useLocation();
  const current = useCurrentOrganization();
  // Outside an organization's pages (profile, create) the navigation still offers the last organization.
  const navigationOrganization = current ?? preferredOrganization(session.organizations);

  const phone = usePhoneLayout();
  // A collapsed navbar only slides off-screen; keep its links out of the tab order and the accessibility tree too.
  const navigationHidden = phone && !navigationOpen;

  useEffect(closeNavigation, [pathname, closeNavigation]);
  useFocusMainOnNavigation('main');

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navigationOpen}
              onClick={toggleNavigation}
              hiddenFrom="sm"
              size="sm"
              aria-label={navigationOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navigationOpen}
              aria-controls="main-navigation"
            />
            <PraxisMark />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Box visibleFrom="sm">
              <OrganizationSwitcher organizations={session.organizations} current={navigationOrganization} />
            </Box>
            <UserMenu user={session.user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="main-navigation"
        p="sm"
        inert={navigationHidden}
        style={navigationHidden ? { visibility: 'hidden' } : undefined}
      >
        <Box hiddenFrom="sm" mb="md">
          <OrganizationSwitcher
            organizations={session.organizations}
            current={navigationOrganization}
            onSwitch={closeNavigation}
            fullWidth
          />
        </Box>
        <AppShell.Section grow component={ScrollArea}>
          <MainNavigation organization={navigationOrganization} onNavigate={closeNavigation} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Box maw={1100} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
