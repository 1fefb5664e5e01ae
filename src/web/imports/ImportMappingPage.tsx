import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconChecklist, IconDeviceFloppy, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { countOf } from '../../domain/count-of.ts';
import { parseImportMapping, type ImportMappingInput } from '../../domain/support/import-mapping.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import {
  createImportMapping,
  importMappingExportPath,
  listImportMappings,
  runMappedImport,
  updateImportMapping,
  type MappedReport,
} from '../api/import-mappings.ts';
import { importProblems, listEngagements, type ImportProblem } from '../api/support.ts';
import { useModelVocabulary } from '../engagements/engagement-hooks.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { queryKeys } from '../query-keys.ts';
import { MappingEditor, vocabularyOptions } from './mapping-editor/MappingEditor.tsx';
import { TableFileField } from './TableFileField.tsx';

/** A new mapping: the fields every mapping needs, to be pointed at the file's columns. */
const blankMapping = (): ImportMappingInput => ({
  format: 'praxis-import-mapping',
  version: 1,
  name: 'New mapping',
  source: 'auto',
  engagement: { column: 'Site', by: 'name', names: {} },
  date: { column: 'Date', format: 'yyyy-MM-dd' },
  duration: { column: 'Minutes' },
  mode: { column: 'Mode', values: {} },
  components: { columns: {} },
});

function ProblemsTable({ problems }: { problems: ImportProblem[] }) {
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table aria-label="Problems by row and column" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{p.row ?? ''}</Table.Td>
              <Table.Td>{p.column}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PreviewTable({ report, engagementNames }: { report: MappedReport; engagementNames: Map<string, string> }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label="Preview of the first interactions" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Engagement</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Minutes</Table.Th>
            <Table.Th>Mode</Table.Th>
            <Table.Th>Components</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(report.preview ?? []).map(({ row, interaction: i }) => (
            <Table.Tr key={row}>
              <Table.Td>{row}</Table.Td>
              <Table.Td>{engagementNames.get(i.engagementId) ?? i.engagementId}</Table.Td>
              <Table.Td>
                {i.date}
                {i.time ? ` ${i.time}` : ''}
              </Table.Td>
              <Table.Td>{i.durationMinutes}</Table.Td>
              <Table.Td>{i.mode}</Table.Td>
              <Table.Td>
                {i.components
                  .map(
                    (c) =>
                      `${c.componentId} ${c.minutes}${c.activityIds.length > 0 ? ` (${c.activityIds.join(', ')})` : ''}`,
                  )
                  .join('; ')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Outcome =
  | { kind: 'preview'; report: MappedReport }
  | { kind: 'imported'; report: MappedReport }
  | { kind: 'refused'; message: string; problems: ImportProblem[] };

/** Interactions from any CSV or XLSX (a Qualtrics export, a spreadsheet tracker) through a saved or edited mapping. */
export default function ImportMappingPage() {
  const organization = useOrganization();
  usePageTitle('Import with a mapping', organization.name);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraftState] = useState<ImportMappingInput>(blankMapping);
  const [json, setJson] = useState(() => JSON.stringify(blankMapping(), null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = canEditRecords(organization.role);

  const mappings = useQuery({
    queryKey: [...queryKeys.organization(organization.id), 'import-mappings'],
    queryFn: ({ signal }) => listImportMappings(organization.id, signal),
    enabled: allowed,
  });
  const engagements = useQuery({
    queryKey: [...queryKeys.organization(organization.id), 'engagements', 'for-mapping'],
    queryFn: ({ signal }) => listEngagements(organization.id, undefined, signal),
    enabled: allowed,
  });
  const engagementNames = new Map((engagements.data ?? []).map((e) => [e.id, e.name]));
  // Meanings are offered in the words of the model the organization's first engagement follows.
  const firstEngagement = engagements.data?.[0];
  const model = useModelVocabulary(organization.id, firstEngagement);

  const setDraft = (next: ImportMappingInput) => {
    setDraftState(next);
    setJson(JSON.stringify(next, null, 2));
    setJsonError(null);
  };

  const run = useMutation({
    mutationFn: ({ chosen, mode }: { chosen: File; mode: 'preview' | 'import' }) =>
      runMappedImport(organization.id, chosen, draft, mode),
    onSuccess: async (report, { mode }) => {
      if (report.mapping) setColumns(report.mapping.columns);
      setOutcome({ kind: mode === 'preview' ? 'preview' : 'imported', report });
      if (mode === 'import') await queryClient.invalidateQueries({ queryKey: queryKeys.organization(organization.id) });
    },
    onError: (error) =>
      setOutcome({
        kind: 'refused',
        message: errorMessageOf(error),
        problems: isApiError(error) ? importProblems(error.details) : [],
      }),
  });

  const save = useMutation({
    mutationFn: () =>
      saved
        ? updateImportMapping(organization.id, saved.id, saved.version, draft)
        : createImportMapping(organization.id, draft),
    onSuccess: async (result) => {
      setSaved({ id: result.id, version: result.version });
      setNotice(`Mapping "${result.name}" saved (version ${result.version}).`);
      await queryClient.invalidateQueries({
        queryKey: [...queryKeys.organization(organization.id), 'import-mappings'],
      });
    },
    // The draft stays as typed, whatever the refusal (a stale version gets 409).
    onError: (error) => setNotice(`${errorMessageOf(error)}`),
  });

  if (!allowed)
    return (
      <PageHeader
        title="Import with a mapping"
        description="Importing needs a role that may edit records (administrator, lead or practitioner)."
      />
    );

  const start = (mode: 'preview' | 'import') => {
    if (!file) return;
    setOutcome(null);
    run.mutate({ chosen: file, mode });
  };
  const applyJson = (text: string) => {
    const parsed = parseImportMapping(text);
    if ('errors' in parsed) {
      setJsonError(parsed.errors.map((e) => `${e.path || 'mapping'}: ${e.message}`).join('; '));
      return;
    }
    setDraftState(parsed.mapping);
    setJsonError(null);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Import with a mapping"
        description="Bring years of records from a Qualtrics export or a spreadsheet tracker: say which column holds what, preview how Praxis reads the first rows and every problem, then import all or nothing."
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <TableFileField
            description="CSV (a Qualtrics export as downloaded, or one header row) or XLSX, up to 100 MB."
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setOutcome(null);
            }}
          />
          <Select
            label="Saved mapping"
            placeholder={mappings.data?.length ? 'Choose a saved mapping' : 'No saved mapping yet'}
            data={(mappings.data ?? []).map((m) => ({ value: m.id, label: `${m.name} (version ${m.version})` }))}
            value={saved?.id ?? null}
            onChange={(id) => {
              const chosen = mappings.data?.find((m) => m.id === id);
              if (!chosen) {
                setSaved(null);
                setDraft(blankMapping());
                return;
              }
              setSaved({ id: chosen.id, version: chosen.version });
              setDraft(chosen.mapping);
              setNotice(null);
            }}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the saved mapping' }}
          />
          {saved && (
            <Anchor href={importMappingExportPath(organization.id, saved.id)} size="sm">
              Download this mapping as JSON
            </Anchor>
          )}
          <FileInput
            label="Mapping file"
            description="A mapping exported as JSON, to edit and save here."
            placeholder="Choose a .json file"
            accept=".json,application/json"
            onChange={async (chosen) => {
              if (!chosen) return;
              const text = await chosen.text();
              setJson(text);
              setSaved(null);
              applyJson(text);
            }}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mapping-heading">
        <Stack gap="md">
          <Title order={2} fz="md" id="mapping-heading">
            Mapping
          </Title>
          <Text size="sm" c="dimmed">
            Column names are the file&apos;s header (for Qualtrics, the column ids of row 1). Preview the file once to
            have its columns offered here. Open a section to map its fields.
          </Text>
          <TextInput
            label="Name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <MappingEditor
            draft={draft}
            onChange={setDraft}
            columns={columns}
            engagements={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            vocabulary={vocabularyOptions(model.data)}
            advanced={
              <Textarea
                label="The whole mapping (JSON)"
                description="The fields above as one document, to read, paste or edit by hand; see the mapping documentation."
                autosize
                minRows={6}
                maxRows={18}
                value={json}
                onChange={(e) => setJson(e.currentTarget.value)}
                onBlur={() => applyJson(json)}
                error={jsonError}
                styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              />
            }
          />
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
              loading={save.isPending}
              onClick={() => save.mutate()}
            >
              {saved ? 'Save changes' : 'Save mapping'}
            </Button>
          </Group>
          {notice && (
            <Text size="sm" role="status">
              {notice}
            </Text>
          )}
        </Stack>
      </Paper>

      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconChecklist size={18} aria-hidden />}
          disabled={!file}
          loading={run.isPending && run.variables.mode === 'preview'}
          onClick={() => start('preview')}
        >
          Preview
        </Button>
        <Button
          leftSection={<IconUpload size={18} aria-hidden />}
          disabled={!file}
          loading={run.isPending && run.variables.mode === 'import'}
          onClick={() => start('import')}
        >
          Import
        </Button>
      </Group>

      <div aria-live="polite">
        {outcome?.kind === 'refused' && (
          <Stack gap="sm">
            <Alert color="red" title="Nothing was imported.">
              {outcome.message}
            </Alert>
            {outcome.problems.length > 0 && <ProblemsTable problems={outcome.problems} />}
          </Stack>
        )}
        {outcome?.kind === 'imported' && (
          <Alert color="green" title="Imported.">
            {countOf(outcome.report.written, 'interaction')} created from {countOf(outcome.report.rowsRead, 'row')}. See
            the{' '}
            <Anchor component={Link} to={organizationPath(organization.id, 'interactions')}>
              interactions
            </Anchor>
            .
          </Alert>
        )}
        {outcome?.kind === 'preview' && (
          <Stack gap="sm">
            <Text size="sm">
              {countOf(outcome.report.rowsRead, 'row')} read
              {outcome.report.mapping?.source === 'qualtrics' ? ' from a Qualtrics export' : ''},{' '}
              {countOf(outcome.report.interactions, 'interaction')} found,{' '}
              {countOf(outcome.report.errorCount, 'problem')}. Nothing was written.
            </Text>
            {outcome.report.errorCount > 0 && (
              <ProblemsTable problems={outcome.report.errors.map((e) => ({ ...e, row: e.row }))} />
            )}
            {(outcome.report.preview?.length ?? 0) > 0 && (
              <PreviewTable report={outcome.report} engagementNames={engagementNames} />
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
