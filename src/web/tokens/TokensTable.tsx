import { Code, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { roleLabels } from '../../domain/roles.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { RevokeTokenButton } from './RevokeTokenButton.tsx';
import { tokenStatus } from './token-status.ts';
import { TokenStatusBadge } from './TokenStatusBadge.tsx';

export function TokensTable({ orgId, tokens }: { orgId: string; tokens: readonly ApiToken[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Prefix</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
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
                <Table.Td ta="right">{status !== 'revoked' && <RevokeTokenButton orgId={orgId} token={token} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
