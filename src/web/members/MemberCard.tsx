import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Member } from '../../domain/accounts/schemas.ts';
import { formatDate } from '../format.ts';
import { MemberPartnerSelect } from './MemberPartnerSelect.tsx';
import { MemberRoleSelect } from './MemberRoleSelect.tsx';
import { RemoveMemberButton } from './RemoveMemberButton.tsx';

/** One member on a phone, where a table would need sideways scrolling. */
export function MemberCard({ orgId, member, isYou }: { orgId: string; member: Member; isYou: boolean }) {
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{member.name}</Text>
              {isYou && (
                <Badge size="xs" variant="outline">
                  you
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {member.email}
            </Text>
          </div>
          <RemoveMemberButton orgId={orgId} member={member} />
        </Group>
        <MemberRoleSelect orgId={orgId} member={member} />
        <MemberPartnerSelect orgId={orgId} member={member} />
        <Text fz="xs" c="dimmed">
          Member since {formatDate(member.createdAt)}.
        </Text>
      </Stack>
    </Paper>
  );
}
