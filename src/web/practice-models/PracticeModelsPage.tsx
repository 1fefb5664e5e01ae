import { EmptyState, Paper, Table, Text } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { usePracticeModels } from './usePracticeModels.ts';

/** The practice models available to the organization. */
export function PracticeModelsPage() {
  const organization = useOrganization();
  usePageTitle('Practice models', organization.name);
  const models = usePracticeModels(organization.id);

  return (
    <>
      <PageHeader
        title="Practice models"
        description="A practice model names the components, principles and outcomes that support is planned, recorded and studied with. Every record keeps the model version it was recorded under."
      />
      {models.isPending ? (
        <LoadingPage />
      ) : models.isError ? (
        <LoadErrorPage error={models.error} onRetry={() => void models.refetch()} />
      ) : models.data === null || models.data.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <EmptyState
            icon={<IconBook2 size={32} aria-hidden />}
            withIndicatorBackground
            title="No practice models yet"
            description={
              models.data === null
                ? 'This server does not offer practice models yet. They will appear here once model management is available.'
                : 'No practice model has been loaded for this organization.'
            }
          />
        </Paper>
      ) : (
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
              {models.data.map((model) => (
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
      )}
    </>
  );
}
