import { Anchor, Button, Code, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconChecklist, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  activitiesColumn,
  interactionColumns,
  longComponentColumns,
  minutesColumn,
  tableFormats,
} from '../../domain/support/interaction-table.ts';
import type { TableFormat } from '../../domain/support/interaction-table.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { importInteractions, importProblems } from '../api/support.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { queryKeys } from '../query-keys.ts';
import { TableFileField } from './TableFileField.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FormatGuide } from './FormatGuide.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import type { ImportOutcome } from './ImportReportView.tsx';

const layoutHelp: Record<TableFormat, string> = {
  long: 'One row per interaction × component used.',
  wide: 'One row per interaction, with minutes and activities columns per component.',
};

/** Interactions from a CSV or XLSX file: check it (dry run) or import it, all or nothing, with every bad row reported. */
export default function ImportInteractionsPage() {
  const organization = useOrganization();
  usePageTitle('Import interactions', organization.name);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<TableFormat>('long');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const queryClient = useQueryClient();
  const interactionsPath = organizationPath(organization.id, 'interactions');

  const run = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) =>
      importInteractions(organization.id, chosen, { format, dryRun }),
    onSuccess: async (report) => {
      setOutcome({ kind: 'done', report });
      if (!report.dryRun) await queryClient.invalidateQueries({ queryKey: queryKeys.organization(organization.id) });
    },
    onError: (error) =>
      setOutcome({
        kind: 'refused',
        message: errorMessageOf(error),
        problems: isApiError(error) ? importProblems(error.details) : [],
      }),
  });
  const start = (dryRun: boolean) => {
    if (!file) return;
    setOutcome(null);
    run.mutate({ chosen: file, dryRun });
  };

  if (!canEditRecords(organization.role)) {
    return (
      <PageHeader
        title="Import interactions"
        description="Importing needs a role that may edit records (administrator, lead or practitioner)."
      />
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="Import interactions"
        description="Bring interactions logged elsewhere into Praxis from a CSV or Excel file. Every row is checked first; a file with any bad row writes nothing."
        actions={<ExportMenu orgId={organization.id} label="Export as a template" />}
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <TableFileField
            description="CSV (UTF-8) or XLSX, up to 100 MB."
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setOutcome(null);
            }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="layout-label">
              Layout
            </Text>
            <SegmentedControl
              aria-labelledby="layout-label"
              data={tableFormats.map((value) => ({ value, label: value === 'long' ? 'Long' : 'Wide' }))}
              value={format}
              onChange={(value) => setFormat(value as TableFormat)}
              style={{ alignSelf: 'flex-start' }}
            />
            <Text size="xs" c="dimmed">
              {layoutHelp[format]}
            </Text>
          </Stack>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconChecklist size={18} aria-hidden />}
              disabled={!file}
              loading={run.isPending && run.variables.dryRun}
              onClick={() => start(true)}
            >
              Check only (dry run)
            </Button>
            <Button
              leftSection={<IconUpload size={18} aria-hidden />}
              disabled={!file}
              loading={run.isPending && !run.variables.dryRun}
              onClick={() => start(false)}
            >
              Import
            </Button>
          </Group>
        </Stack>
      </Paper>

      <div aria-live="polite">
        {outcome && <ImportReportView outcome={outcome} interactionsPath={interactionsPath} />}
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="format-heading">
        <Group justify="space-between" mb="xs" gap="xs">
          <Title order={2} fz="md" id="format-heading">
            File format
          </Title>
          <FormatGuide />
        </Group>
        <Text size="sm" mb="xs">
          Row 1 holds the column names, in any order. The easiest start is an export: it can be imported again
          unchanged. The format documentation describes every column and rule; the HTTP endpoint is in the{' '}
          <Anchor href="/api/docs" target="_blank" rel="noreferrer">
            API reference
          </Anchor>
          .
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            Both layouts: <Code>{interactionColumns.join(', ')}</Code> (dates <Code>YYYY-MM-DD</Code>, times{' '}
            <Code>HH:MM</Code>, lists separated by <Code>;</Code>)
          </List.Item>
          <List.Item>
            Long: <Code>interaction_key</Code> groups consecutive rows of one interaction, plus{' '}
            <Code>{longComponentColumns.join(', ')}</Code>
          </List.Item>
          <List.Item>
            Wide: <Code>{minutesColumn('<component>')}</Code> and <Code>{activitiesColumn('<component>')}</Code> for
            each component used
          </List.Item>
        </List>
        <Text size="sm" mt="xs">
          A Qualtrics export or a spreadsheet with columns of its own? Use an{' '}
          <Anchor component={Link} to={organizationPath(organization.id, 'interactions/import-mapping')}>
            import with a mapping
          </Anchor>
          .
        </Text>
        <Text size="sm" mt="xs">
          Back to the{' '}
          <Anchor component={Link} to={organizationPath(organization.id, 'interactions')}>
            interactions
          </Anchor>
          .
        </Text>
      </Paper>
    </Stack>
  );
}
