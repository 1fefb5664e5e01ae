import { Stack } from '@mantine/core';
import type { Member } from '../../domain/accounts/schemas.ts';
import { usePhoneLayout } from '../hooks/usePhoneLayout.ts';
import { MemberCard } from './MemberCard.tsx';
import { MembersTable } from './MembersTable.tsx';

interface MemberListProps {
  orgId: string;
  members: readonly Member[];
  currentUserId: string;
}

/** The members as a table, or as cards on a phone. */
export function MemberList({ orgId, members, currentUserId }: MemberListProps) {
  const phone = usePhoneLayout();
  if (!phone) return <MembersTable orgId={orgId} members={members} currentUserId={currentUserId} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Members">
      {members.map((member) => (
        <MemberCard key={member.userId} orgId={orgId} member={member} isYou={member.userId === currentUserId} />
      ))}
    </Stack>
  );
}
