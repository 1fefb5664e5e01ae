import { Badge, Button, Menu, Text } from '@mantine/core';
import { IconBuilding, IconCheck, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import type { OrganizationWithRole } from '../../domain/accounts/schemas.ts';
import { switchedOrganizationPath } from '../organizations/organization-paths.ts';

interface OrganizationSwitcherProps {
  organizations: readonly OrganizationWithRole[];
  current: OrganizationWithRole | undefined;
  /** Called after a choice, so the phone menu can close. */
  onSwitch?: () => void;
  fullWidth?: boolean;
}

/** Moves between the organizations the person belongs to, or starts a new one. */
export function OrganizationSwitcher({
  organizations,
  current,
  onSwitch,
  fullWidth = false,
}: OrganizationSwitcherProps) {
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const go = (to: string) => {
    onSwitch?.();
    void navigate(to);
  };

  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal styles={{ itemLabel: { minWidth: 0 } }}>
      <Menu.Target>
        <Button
          variant="default"
          fullWidth={fullWidth}
          leftSection={<IconBuilding size={16} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden />}
          justify="space-between"
          aria-label={current ? `Organization: ${current.name}. Switch organization` : 'Choose an organization'}
          maw={fullWidth ? undefined : 260}
        >
          <Text span truncate="end" fz="sm" fw={500}>
            {current?.name ?? 'Organizations'}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organizations</Menu.Label>
        {organizations.map((organization) => (
          <Menu.Item
            key={organization.id}
            onClick={() => go(switchedOrganizationPath(pathname, organization))}
            leftSection={
              organization.id === current?.id ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />
            }
            rightSection={
              <Badge size="xs" variant="light">
                {organization.role}
              </Badge>
            }
            aria-current={organization.id === current?.id ? 'true' : undefined}
          >
            <Text fz="sm" truncate="end" title={organization.name}>
              {organization.name}
            </Text>
          </Menu.Item>
        ))}
        {organizations.length > 0 && <Menu.Divider />}
        <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={() => go('/orgs/new')}>
          Create organization
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
