import { Alert, Button, Code, Group, List, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { can } from '../../domain/accounts/policy.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { downloadResearchExport, minimumKeyLength, newExportKey } from './research-export.ts';

/** Researchers download the de-identified research export: tidy CSVs, codebook, model, REDCap dictionaries and an R script. */
export default function ResearchExportPage() {
  const organization = useOrganization();
  usePageTitle('Research export', organization.name);
  const [key, setKey] = useState('');
  const [keyVisible, setKeyVisible] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  if (!can(organization.role, 'research.export')) {
    return (
      <>
        <PageHeader title="Research export" />
        <Alert color="yellow">
          Only researchers, leads and administrators of this organization can download the research export.
        </Alert>
      </>
    );
  }

  const keyError =
    key !== '' && key.length < minimumKeyLength
      ? `must be at least ${minimumKeyLength} characters`
      : error?.field === 'key'
        ? error.message
        : undefined;
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const name = await downloadResearchExport(organization.id, key, { from, to });
      notifyDone(`Downloaded ${name}`);
    } catch (failure) {
      const detail = isApiError(failure) ? failure.details[0] : undefined;
      setError(detail ? { message: detail.message, field: detail.path } : { message: errorMessageOf(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Research export"
        description="A de-identified zip of the support record and outcome scores for analysis outside Praxis, with a codebook and an R script that reproduces the descriptives and fits the mixed model."
      />
      <Stack gap="lg" maw={760}>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600}>What the zip holds</Text>
            <List size="sm" spacing={4}>
              <List.Item>
                Tidy CSV tables: engagements, interactions, participants, component minutes, practice activities,
                principles and outcome scores by level and wave, each with the month of the relationship.
              </List.Item>
              <List.Item>
                A codebook (CSV and Markdown) of every file and column, the practice model documents, the REDCap data
                dictionaries and <Code>analysis.R</Code> (base R and lme4).
              </List.Item>
              <List.Item>
                A README with the Praxis version, export time, model versions, row counts and the SHA-256 of every file.
              </List.Item>
            </List>
            <Text fw={600} mt="xs">
              De-identification
            </Text>
            <Text size="sm">
              Ids of engagements, partners, contacts, users and interactions become pseudonyms such as{' '}
              <Code>E-3f9a…</Code>, computed from the export key. The same key gives the same pseudonyms in every
              export, so exports can be joined; a different key gives unrelated ones. Names, e-mail addresses, notes and
              next-step texts are left out. Dates are kept as recorded.
            </Text>
          </Stack>
        </Paper>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <PasswordInput
              label="Export key"
              description={`At least ${minimumKeyLength} characters. Keep it secret and keep it safe: you need it again to get the same pseudonyms.`}
              value={key}
              onChange={(event) => setKey(event.currentTarget.value)}
              visible={keyVisible}
              onVisibilityChange={setKeyVisible}
              error={keyError}
              autoComplete="off"
              style={{ flex: '1 1 320px' }}
              required
            />
            <Button
              variant="default"
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => {
                setKey(newExportKey());
                setKeyVisible(true);
              }}
            >
              Generate a key
            </Button>
          </Group>
          <Group gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label="From (optional)"
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value)}
              error={error?.field === 'from' ? error.message : undefined}
            />
            <TextInput
              type="date"
              label="To (optional)"
              value={to}
              onChange={(event) => setTo(event.currentTarget.value)}
              error={error?.field === 'to' ? error.message : undefined}
            />
          </Group>
          {error && !['key', 'from', 'to'].includes(error.field ?? '') && <Alert color="red">{error.message}</Alert>}
          <Group>
            <Button
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void download()}
              loading={busy}
              disabled={key.length < minimumKeyLength}
            >
              Download research export
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            From the command line: <Code>praxis export research --org {organization.slug} --out export.zip</Code> with
            the key in <Code>PRAXIS_EXPORT_KEY</Code>.
          </Text>
        </Stack>
      </Stack>
    </>
  );
}
