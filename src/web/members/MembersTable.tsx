import { Badge, Group, Table, Text } from '@mantine/core';
import type { Member } from '../../domain/accounts/schemas.ts';
import { formatDate } from '../format.ts';
import { ColumnHeaders } from '../layout/ColumnHeaders.tsx';
import { MemberPartnerSelect } from './MemberPartnerSelect.tsx';
import { MemberRoleSelect } from './MemberRoleSelect.tsx';
import { RemoveMemberButton } from './RemoveMemberButton.tsx';

interface MembersTableProps {
  orgId: string;
  members: readonly Member[];
  currentUserId: string;
}

export function MembersTable({ orgId, members, currentUserId }: MembersTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover>
        <ColumnHeaders columns={['Name', 'Email', 'Role', 'Member since']} actions="Actions" />
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={500} fz="sm">
                    {member.name}
                  </Text>
                  {member.userId === currentUserId && (
                    <Badge size="xs" variant="outline">
                      you
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{member.email}</Text>
              </Table.Td>
              <Table.Td>
                <MemberRoleSelect orgId={orgId} member={member} />
                <MemberPartnerSelect orgId={orgId} member={member} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDate(member.createdAt)}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <RemoveMemberButton orgId={orgId} member={member} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
