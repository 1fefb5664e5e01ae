import { Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { roleLabels } from '../../domain/roles.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { RevokeTokenButton } from './RevokeTokenButton.tsx';
import { tokenStatus } from './token-status.ts';
import { TokenStatusBadge } from './TokenStatusBadge.tsx';

/** One API token on a phone, where a table would need sideways scrolling. */
export function TokenCard({ orgId, token }: { orgId: string; token: ApiToken }) {
  const status = tokenStatus(token);
  const facts: Array<[string, string]> = [
    ['Role', roleLabels[token.role]],
    ['Created', formatDate(token.createdAt)],
    ['Last used', formatDateTime(token.lastUsedAt, 'never')],
    ['Expires', formatDate(token.expiresAt, 'never')],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {token.name}
          </Text>
          <TokenStatusBadge status={status} />
        </Group>
        <Code style={{ alignSelf: 'flex-start' }}>{token.prefix}…</Code>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} component="dl" m={0}>
          {facts.map(([term, value]) => (
            <div key={term}>
              <Text component="dt" fz="xs" c="dimmed">
                {term}
              </Text>
              <Text component="dd" fz="sm" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {status !== 'revoked' && <RevokeTokenButton orgId={orgId} token={token} />}
      </Stack>
    </Paper>
  );
}
