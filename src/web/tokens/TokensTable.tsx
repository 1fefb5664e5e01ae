import { Code, Table, Text } from '@mantine/core';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { roleLabels } from '../../domain/roles.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { ColumnHeaders } from '../layout/ColumnHeaders.tsx';
import { RevokeTokenButton } from './RevokeTokenButton.tsx';
import { tokenStatus } from './token-status.ts';
import { TokenStatusBadge } from './TokenStatusBadge.tsx';

export function TokensTable({ orgId, tokens }: { orgId: string; tokens: readonly ApiToken[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <ColumnHeaders
          columns={['Name', 'Role', 'Prefix', 'Created', 'Last used', 'Expires', 'Status']}
          actions="Actions"
        />
        <Table.Tbody>
          {tokens.map((token) => {
            const status = tokenStatus(token);
            return (
              <Table.Tr key={token.id} c={status === 'active' ? undefined : 'dimmed'}>
                <Table.Td>
                  <Text fw={500} fz="sm">
                    {token.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{roleLabels[token.role]}</Text>
                </Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDate(token.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDateTime(token.lastUsedAt, 'never')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDate(token.expiresAt, 'never')}</Text>
                </Table.Td>
                <Table.Td>
                  <TokenStatusBadge status={status} />
                  {token.revokedAt && (
                    <Text fz="xs" c="dimmed">
                      {formatDate(token.revokedAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {status !== 'revoked' && <RevokeTokenButton orgId={orgId} token={token} />}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
