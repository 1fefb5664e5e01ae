import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Member } from '../../domain/accounts/schemas.ts';
import { Role, roleLabels } from '../../domain/roles.ts';
import { errorMessageOf } from '../api/client.ts';
import { roleOptions } from '../organizations/role-options.ts';
import { useChangeMemberRole } from './member-hooks.ts';

/** Changes one member's role as soon as another is chosen. */
export function MemberRoleSelect({ orgId, member }: { orgId: string; member: Member }) {
  const changeRole = useChangeMemberRole(orgId);

  const choose = (value: string | null) => {
    const role = Role.safeParse(value);
    if (!role.success || role.data === member.role) return;
    changeRole.mutate(
      { userId: member.userId, role: role.data },
      {
        onSuccess: (updated) =>
          notifications.show({ color: 'teal', message: `${updated.name} is now ${roleLabels[updated.role].toLowerCase()}.` }),
        onError: (error) => notifications.show({ color: 'red', title: 'Role not changed', message: errorMessageOf(error) }),
      },
    );
  };

  return (
    <Select
      aria-label={`Role of ${member.name}`}
      data={roleOptions}
      value={member.role}
      onChange={choose}
      allowDeselect={false}
      disabled={changeRole.isPending}
      size="sm"
      w={{ base: "100%", sm: 290 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
