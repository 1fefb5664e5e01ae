import { Table, Text } from '@mantine/core';
import type { PracticeModelSummary } from '../api/practice-models.ts';
import { formatDate } from '../format.ts';

export function PracticeModelsTable({ models }: { models: readonly PracticeModelSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Source</Table.Th>
            <Table.Th scope="col">Published</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {models.map((model) => (
            <Table.Tr key={`${model.id}@${model.version}`}>
              <Table.Td fw={500}>{model.name}</Table.Td>
              <Table.Td>{String(model.version)}</Table.Td>
              <Table.Td>
                <Text fz="sm">{model.citation ?? '—'}</Text>
              </Table.Td>
              <Table.Td>{formatDate(model.publishedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
