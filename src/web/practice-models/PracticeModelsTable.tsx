import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ModelSummary } from '../../domain/models.ts';
import { formatDate } from '../format.ts';
import { ColumnHeaders } from '../layout/ColumnHeaders.tsx';
import { modelPagePath } from './model-paths.ts';
import { PracticeModelLinks } from './PracticeModelLinks.tsx';

const earlierVersions = (model: ModelSummary): string => {
  const earlier = model.versions.filter((version) => version.version !== model.version).length;
  return earlier === 0 ? '' : `${earlier} earlier version${earlier === 1 ? '' : 's'}`;
};

export function PracticeModelsTable({ orgId, models }: { orgId: string; models: readonly ModelSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <ColumnHeaders columns={['Name', 'Version', 'Source', 'Published']} actions="Diagram and files" />
        <Table.Tbody>
          {models.map((model) => (
            <Table.Tr key={model.id}>
              <Table.Td>
                <Anchor component={Link} to={modelPagePath(orgId, model.id)} fw={600}>
                  {model.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{model.version}</Text>
                <Text fz="xs" c="dimmed">
                  {earlierVersions(model)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{model.citation}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{formatDate(model.publishedAt)}</Text>
              </Table.Td>
              <Table.Td>
                <PracticeModelLinks orgId={orgId} model={model} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
