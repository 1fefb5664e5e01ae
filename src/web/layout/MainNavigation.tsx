import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconBook2,
  IconBuildingCommunity,
  IconChartBar,
  IconChartHistogram,
  IconClipboardList,
  IconFileZip,
  IconFlask,
  IconSchool,
  IconShieldLock,
  IconHome,
  IconBell,
  IconKey,
  IconMessageCircle,
  IconPlus,
  IconTimeline,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { can } from '../../domain/accounts/policy.ts';
import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { canAdminister } from '../organizations/permissions.ts';

interface MainNavigationProps {
  /** The organization whose pages are listed; none when the person belongs to no organization yet. */
  organization: OrganizationWithRole | undefined;
  /** Called after a link is followed, so the phone menu can close. */
  onNavigate: () => void;
}

/** The features that exist, for the current organization and role: none that the role would be refused. */
export function MainNavigation({ organization, onNavigate }: MainNavigationProps) {
  const { pathname } = useLocation();

  const link = (to: string, label: string, icon: ReactNode, exact = false) => {
    const active = exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={label}
        leftSection={icon}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={onNavigate}
      />
    );
  };

  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {organization ? (
        <>
          {link(organizationPath(organization.id), 'Home', <IconHome size={18} aria-hidden />, true)}
          {can(organization.role, 'records.view') && (
            <>
              {link(
                organizationPath(organization.id, 'dashboard'),
                'Dashboard',
                <IconChartBar size={18} aria-hidden />,
              )}
              {link(
                organizationPath(organization.id, 'analysis'),
                'Analysis',
                <IconChartHistogram size={18} aria-hidden />,
              )}
              {link(
                organizationPath(organization.id, 'engagements'),
                'Engagements',
                <IconTimeline size={18} aria-hidden />,
              )}
              {link(
                organizationPath(organization.id, 'interactions'),
                'Interactions',
                <IconMessageCircle size={18} aria-hidden />,
              )}
              {link(
                organizationPath(organization.id, 'partners'),
                'Partners',
                <IconBuildingCommunity size={18} aria-hidden />,
              )}
            </>
          )}
          {link(organizationPath(organization.id, 'models'), 'Practice models', <IconBook2 size={18} aria-hidden />)}
          {can(organization.role, 'research.export') &&
            link(
              organizationPath(organization.id, 'research/export'),
              'Research export',
              <IconFileZip size={18} aria-hidden />,
            )}
          {can(organization.role, 'measures.view') &&
            link(
              organizationPath(organization.id, 'instruments'),
              'Instruments',
              <IconClipboardList size={18} aria-hidden />,
            )}
          {can(organization.role, 'hypotheses.view') &&
            link(organizationPath(organization.id, 'hypotheses'), 'Hypotheses', <IconFlask size={18} aria-hidden />)}
          {can(organization.role, 'coaching.view') &&
            link(organizationPath(organization.id, 'coaching'), 'Coaching', <IconSchool size={18} aria-hidden />)}
          {canAdminister(organization.role) && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
                Administration
              </Text>
              {link(organizationPath(organization.id, 'admin/members'), 'Members', <IconUsers size={18} aria-hidden />)}
              {link(organizationPath(organization.id, 'admin/tokens'), 'API tokens', <IconKey size={18} aria-hidden />)}
              {link(organizationPath(organization.id, 'admin/signals'), 'Signals', <IconBell size={18} aria-hidden />)}
              {link(
                organizationPath(organization.id, 'admin/research'),
                'Research settings',
                <IconShieldLock size={18} aria-hidden />,
              )}
            </>
          )}
        </>
      ) : (
        link('/orgs/new', 'Create organization', <IconPlus size={18} aria-hidden />)
      )}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
        You
      </Text>
      {link('/profile', 'Profile', <IconUserCircle size={18} aria-hidden />)}
    </Stack>
  );
}
