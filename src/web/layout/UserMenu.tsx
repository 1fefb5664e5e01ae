import { Avatar, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { User } from '../../domain/accounts/schemas.ts';
import { useLogOut } from '../session/useLogOut.ts';

/** The signed-in person: their profile and signing out. */
export function UserMenu({ user }: { user: User }) {
  const navigate = useNavigate();
  const logOut = useLogOut();
  return (
    <Menu position="bottom-end" width={220} shadow="md" withinPortal>
      <Menu.Target>
        {/* Named by hidden text, not aria-label, so the name never contradicts the initials shown (WCAG 2.5.3). */}
        <UnstyledButton style={{ borderRadius: '50%' }}>
          <Avatar name={user.name} color="initials" radius="xl" size={34} aria-hidden />
          <VisuallyHidden>Account menu for {user.name}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.name}
          <br />
          {user.email}
        </Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => void navigate('/profile')}>
          Profile
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => logOut.mutate()}
          disabled={logOut.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
