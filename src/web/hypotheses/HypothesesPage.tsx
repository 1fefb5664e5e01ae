import { Alert, Anchor, Badge, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { can } from '../../domain/accounts/policy.ts';
import { testLabels } from '../../domain/hypotheses/registration.ts';
import { errorMessageOf } from '../api/client.ts';
import { listPracticeModels } from '../api/practice-models.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { queryKeys } from '../query-keys.ts';
import { EvidenceBadge, EvidenceLegend } from './EvidenceBadge.tsx';
import { fetchEvidenceDiagram, hypothesisKeys, listHypotheses } from './hypotheses-api.ts';

/** Hypotheses about the model's links, and the model diagram coloured by the evidence they gathered. */
export default function HypothesesPage() {
  const organization = useOrganization();
  usePageTitle('Hypotheses', organization.name);
  const hypotheses = useQuery({
    queryKey: hypothesisKeys.all(organization.id),
    queryFn: ({ signal }) => listHypotheses(organization.id, signal),
    enabled: can(organization.role, 'hypotheses.view'),
  });
  const models = useQuery({
    queryKey: queryKeys.practiceModels(organization.id),
    queryFn: ({ signal }) => listPracticeModels(organization.id, signal),
  });

  if (!can(organization.role, 'hypotheses.view')) {
    return (
      <>
        <PageHeader title="Hypotheses" />
        <Alert color="yellow">
          Only researchers, leads and administrators of this organization can see hypotheses and their results.
        </Alert>
      </>
    );
  }
  const manage = can(organization.role, 'hypotheses.manage');
  return (
    <>
      <PageHeader
        title="Hypotheses"
        description="Registered before the results are seen, locked with a content hash, run on the organization's data on demand."
        actions={
          manage && (
            <Button
              component={Link}
              to={organizationPath(organization.id, 'hypotheses/new')}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              Register a hypothesis
            </Button>
          )
        }
      />
      <Stack gap="lg">
        {hypotheses.isPending ? (
          <Loader role="status" aria-label="Loading hypotheses" />
        ) : hypotheses.isError ? (
          <Alert color="red">{errorMessageOf(hypotheses.error)}</Alert>
        ) : hypotheses.data.length === 0 ? (
          <Text c="dimmed">
            No hypotheses yet.{manage ? ' Register one to test a link of the practice model.' : ''}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label="Hypotheses">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Hypothesis</Table.Th>
                  <Table.Th>Link</Table.Th>
                  <Table.Th>Test</Table.Th>
                  <Table.Th w={120}>Status</Table.Th>
                  <Table.Th w={150}>Latest result</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {hypotheses.data.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td>
                      <Anchor component={Link} to={organizationPath(organization.id, `hypotheses/${h.id}`)}>
                        {h.registration.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{h.registration.linkId}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{testLabels[h.registration.test]}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant="light"
                        color={h.status === 'locked' ? 'blue' : h.status === 'withdrawn' ? 'gray' : 'yellow'}
                      >
                        {h.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {h.latestRun ? (
                        <EvidenceBadge evidence={h.latestRun.verdict} />
                      ) : (
                        <Text fz="sm" c="dimmed">
                          not run
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {models.data?.map((model) => (
          <EvidenceDiagram
            key={model.id}
            orgId={organization.id}
            modelId={model.id}
            version={model.version}
            name={model.name}
          />
        ))}
      </Stack>
    </>
  );
}

function EvidenceDiagram({
  orgId,
  modelId,
  version,
  name,
}: {
  orgId: string;
  modelId: string;
  version: string;
  name: string;
}) {
  // Fetched as text under the hypotheses' query key, so every lock, run or withdrawal redraws it.
  const diagram = useQuery({
    queryKey: hypothesisKeys.evidence(orgId, modelId),
    queryFn: ({ signal }) => fetchEvidenceDiagram(orgId, modelId, version, signal),
  });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Evidence on the links of ${name}`}>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Evidence on the links of {name} {version}
        </Title>
        <EvidenceLegend />
        {diagram.isPending ? (
          <Loader size="sm" role="status" aria-label="Loading the diagram" />
        ) : diagram.isError ? (
          <Alert color="red">The diagram could not be drawn: {errorMessageOf(diagram.error)}</Alert>
        ) : (
          // Wider than a phone: it scrolls, so it takes the keyboard focus to scroll by arrow keys.
          <div
            tabIndex={0}
            role="region"
            aria-label={`Evidence diagram of ${name} ${version}, scrollable`}
            style={{
              overflow: 'auto',
              maxHeight: '75vh',
              background: 'white',
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 4,
            }}
          >
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagram.data)}`}
              alt={`Theory-of-change diagram of ${name}, version ${version}, each link coloured by the evidence of its hypotheses`}
              data-testid="evidence-diagram"
              style={{ display: 'block', width: 'max(100%, 900px)', height: 'auto' }}
            />
          </div>
        )}
      </Stack>
    </Paper>
  );
}
