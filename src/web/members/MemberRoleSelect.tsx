import type { Member } from '../../domain/accounts/schemas.ts';
import { roleLabels } from '../../domain/roles.ts';
import type { Role } from '../../domain/roles.ts';
import { notifyDone, notifyFailure } from '../notify.ts';
import { RoleSelect } from '../organizations/RoleSelect.tsx';
import { useChangeMemberRole } from './member-hooks.ts';

/** Changes one member's role as soon as another is chosen. */
export function MemberRoleSelect({ orgId, member }: { orgId: string; member: Member }) {
  const changeRole = useChangeMemberRole(orgId);

  const choose = (role: Role) => {
    if (role === member.role) return;
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: (updated) => notifyDone(`${updated.name} is now ${roleLabels[updated.role].toLowerCase()}.`),
        onError: (error) => notifyFailure('Role not changed', error),
      },
    );
  };

  return (
    <RoleSelect
      aria-label={`Role of ${member.name}`}
      value={member.role}
      onChange={choose}
      disabled={changeRole.isPending}
      size="sm"
      w={{ base: '100%', sm: 290 }}
    />
  );
}
