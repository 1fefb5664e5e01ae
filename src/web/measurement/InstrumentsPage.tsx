import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { instrumentFormats, type InstrumentFormat } from '../../domain/measurement/formats.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { countOf } from '../../domain/count-of.ts';
import { useInstruments, usePublishInstrument } from './measurement-hooks.ts';
import { instrumentPath } from './measurement-paths.ts';

const formatLabels: Record<InstrumentFormat, string> = {
  redcap: 'REDCap data dictionary (CSV)',
  json: 'JSON',
  yaml: 'YAML',
};
const canPublish = (role: string): boolean => role === 'admin' || role === 'lead';

/** The instrument library: built-in, generated and imported instruments, and importing a new one. */
export default function InstrumentsPage() {
  const organization = useOrganization();
  const instruments = useInstruments(organization.id);
  usePageTitle('Instruments', organization.name);
  if (instruments.isPending) return <LoadingPage />;
  if (instruments.isError)
    return <LoadErrorPage error={instruments.error} onRetry={() => void instruments.refetch()} />;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Instruments"
        description="The questionnaires waves use: items, scoring and the model outcome each score measures."
      />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" aria-label="Instruments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Instrument</Table.Th>
                <Table.Th>Latest version</Table.Th>
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {instruments.data.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={instrumentPath(organization.id, i.id)} fw={600}>
                      {i.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {i.id}
                      {i.citation ? ` · ${i.citation}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.version}
                    {i.versions.length > 1 && (
                      <Text size="xs" c="dimmed">
                        {i.versions.length} versions
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={i.builtin ? 'gray' : 'indigo'}>
                      {i.builtin ? 'built-in' : 'imported'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {canPublish(organization.role) && <ImportInstrument orgId={organization.id} />}
    </Stack>
  );
}

/** Publishes an instrument from a file; a refused file lists every problem by row and column (REDCap) or path (JSON, YAML). */
function ImportInstrument({ orgId }: { orgId: string }) {
  const publish = usePublishInstrument(orgId);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const text = await file.text();
    publish.mutate(
      { text, format: (format as InstrumentFormat | null) ?? undefined },
      {
        onSuccess: (p) =>
          notifyDone(
            `Published ${p.name} ${p.version}${p.rescored > 0 ? `; rescored ${countOf(p.rescored, 'response')}` : ''}.`,
          ),
      },
    );
  };
  const problems = publish.isError && isApiError(publish.error) ? publish.error.details : [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Import an instrument">
      <Title order={2} fz="md" mb="xs">
        Import an instrument
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        A REDCap data dictionary (18 columns, or 17 without Field Annotation), or an instrument as JSON or YAML. A new
        version of an existing instrument must have a later version number; its responses are rescored.
      </Text>
      <form onSubmit={(e) => void submit(e)}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label="File"
            placeholder="Choose a .csv, .json or .yaml file"
            accept=".csv,.json,.yaml,.yml,text/csv,application/json"
            value={file}
            onChange={setFile}
            clearable
            w={320}
          />
          <Select
            label="Format"
            placeholder="Detect from the file"
            data={instrumentFormats.map((f) => ({ value: f, label: formatLabels[f] }))}
            value={format}
            onChange={setFormat}
            clearable
            w={260}
          />
          <Button
            type="submit"
            leftSection={<IconFileImport size={18} aria-hidden />}
            disabled={!file}
            loading={publish.isPending}
          >
            Import
          </Button>
        </Group>
      </form>
      {publish.isError && (
        <Alert color="red" variant="light" mt="md" title={errorMessageOf(publish.error)} role="alert">
          {problems.length > 0 && (
            <Table fz="sm" aria-label="Problems in the file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p) => (
                  <Table.Tr key={`${p.path}|${p.message}`}>
                    <Table.Td ff="monospace">{p.path}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
      {publish.isSuccess && (
        <Alert color="teal" variant="light" mt="md">
          Published{' '}
          <Anchor component={Link} to={instrumentPath(orgId, publish.data.id, publish.data.version)}>
            {publish.data.name} {publish.data.version}
          </Anchor>
          .
        </Alert>
      )}
    </Paper>
  );
}
