import { Table, Text } from '@mantine/core';
import type { OverdueOwner } from '../../domain/home/views.ts';
import { formatDate } from '../format.ts';

/** Whose next steps are overdue: each owner as written on the steps, how many, and the oldest due date. */
export function OverdueOwners({ owners }: { owners: OverdueOwner[] }) {
  if (owners.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No next step is overdue.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table aria-label="Overdue next steps by owner">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Owner</Table.Th>
            <Table.Th ta="right">Overdue</Table.Th>
            <Table.Th>Oldest due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {owners.slice(0, 15).map((owner) => (
            <Table.Tr key={owner.owner}>
              <Table.Td>{owner.owner || 'No owner'}</Table.Td>
              <Table.Td ta="right">{owner.count}</Table.Td>
              <Table.Td>{formatDate(owner.oldestDue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
