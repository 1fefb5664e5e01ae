import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { languageName } from '../../domain/measurement/language.ts';
import { instrumentLanguage } from '../../domain/measurement/translations.ts';
import { IconDownload } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { instrumentFormats, type InstrumentFormat } from '../../domain/measurement/formats.ts';
import type { Instrument, Item } from '../../domain/measurement/instrument.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useInstrument, useInstruments } from './measurement-hooks.ts';
import { instrumentExportUrl } from './measurement-api.ts';
import { instrumentPath, instrumentsPath } from './measurement-paths.ts';

const formatLabels: Record<InstrumentFormat, string> = { redcap: 'REDCap dictionary', json: 'JSON', yaml: 'YAML' };

/** What an item asks for, in a few words. */
function responseFormat(item: Item): string {
  switch (item.type) {
    case 'agreement':
      return item.anchors.map((a) => `${a.value} = ${a.label}`).join(' · ');
    case 'single-choice':
    case 'multiple-choice':
      return `${item.type === 'single-choice' ? 'one of' : 'any of'}: ${item.choices.map((c) => c.label).join(', ')}`;
    case 'numeric':
      return `a number from ${item.min} to ${item.max}${item.integer ? ' (whole)' : ''}`;
    case 'free-text':
      return `free text (up to ${item.maxLength} characters)`;
  }
}

/** One instrument: its items, scores (subscales, scoring, reverse items, missing-data rule), citation and terms; export. */
export default function InstrumentPage() {
  const organization = useOrganization();
  const { instrumentId = '' } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version') ?? undefined;
  const instrument = useInstrument(organization.id, instrumentId, version);
  usePageTitle(instrument.data?.name, organization.name);
  if (instrument.isPending) return <LoadingPage />;
  if (instrument.isError) return <LoadErrorPage error={instrument.error} onRetry={() => void instrument.refetch()} />;
  return <InstrumentView orgId={organization.id} instrument={instrument.data} />;
}

function InstrumentView({ orgId, instrument }: { orgId: string; instrument: Instrument }) {
  const summaries = useInstruments(orgId);
  const navigate = useNavigate();
  const versions = summaries.data?.find((s) => s.id === instrument.id)?.versions ?? [instrument.version];
  const itemText = new Map(instrument.items.map((i) => [i.id, i.text]));

  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs mb="xs" fz="sm">
          <Anchor component={Link} to={instrumentsPath(orgId)}>
            Instruments
          </Anchor>
          <Text fz="sm">{instrument.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1} fz={{ base: 24, sm: 30 }}>
              {instrument.name}
            </Title>
            <Group gap="xs">
              <Badge variant="light" color="gray" tt="none">
                {instrument.id} {instrument.version}
              </Badge>
              <Badge variant="light" color={instrument.provenance === 'published' ? 'indigo' : 'orange'}>
                {instrument.provenance === 'published' ? 'published wording' : 'our own wording'}
              </Badge>
            </Group>
          </Stack>
          <Group gap="xs" align="flex-end">
            {versions.length > 1 && (
              <Select
                label="Version"
                data={versions}
                value={instrument.version}
                onChange={(v) => v && void navigate(instrumentPath(orgId, instrument.id, v))}
                allowDeselect={false}
                w={120}
              />
            )}
            {instrumentFormats.map((format) => (
              <Button
                key={format}
                component="a"
                href={instrumentExportUrl(orgId, instrument.id, instrument.version, format)}
                download
                variant="default"
                size="sm"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {formatLabels[format]}
              </Button>
            ))}
          </Group>
        </Group>
      </div>
      {instrument.description && <Text>{instrument.description}</Text>}

      <Paper withBorder p="md" radius="md" component="section" aria-label="Items">
        <Title order={2} fz="md" mb="sm">
          Items
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Id</Table.Th>
                <Table.Th>Question</Table.Th>
                <Table.Th>Answer</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {instrument.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td ff="monospace">{item.id}</Table.Td>
                  <Table.Td>
                    {item.text}
                    {item.required && (
                      <Text span c="red" aria-label="required">
                        {' '}
                        *
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td c="dimmed">{responseFormat(item)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-label="Scores">
        <Title order={2} fz="md" mb="sm">
          Scores and subscales
        </Title>
        {instrument.scores.length === 0 ? (
          <Text c="dimmed" size="sm">
            This instrument has no scores.
          </Text>
        ) : (
          <Stack gap="sm">
            {instrument.scores.map((score) => (
              <div key={score.id}>
                <Text fw={600}>
                  {score.name}{' '}
                  <Text span size="sm" c="dimmed">
                    — {score.method} of {score.items.length} item{score.items.length === 1 ? '' : 's'}
                    {score.outcomeId
                      ? `, measures ${score.outcomeId}${score.level ? ` at the ${score.level} level` : ''}`
                      : ', names no model outcome'}
                  </Text>
                </Text>
                <Text size="sm">
                  Items: {score.items.map((id) => (score.reverse.includes(id) ? `${id} (reversed)` : id)).join(', ')}.
                  Needs at least {score.minAnswered ?? score.items.length} answered
                  {score.method === 'sum' ? '; a sum with items missing is prorated' : ''}.
                </Text>
                {score.reverse.length > 0 && (
                  <List size="xs" c="dimmed">
                    {score.reverse.map((id) => (
                      <List.Item key={id}>reversed: {itemText.get(id) ?? id}</List.Item>
                    ))}
                  </List>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md" radius="md" component="section" aria-label="Citation">
          <Title order={2} fz="md" mb="xs">
            Citation
          </Title>
          <Text size="sm">{instrument.citation || 'No citation given.'}</Text>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-label="Terms of use">
          <Title order={2} fz="md" mb="xs">
            Terms of use
          </Title>
          <Text size="sm">{instrument.termsOfUse || 'No terms given.'}</Text>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" component="section" aria-label="Languages">
        <Title order={2} fz="md" mb="xs">
          Languages
        </Title>
        <Stack gap={4}>
          <Text size="sm">Written in {languageName(instrumentLanguage(instrument))}.</Text>
          {Object.entries(instrument.translations ?? {}).map(([language, translation]) => (
            <Text size="sm" key={language}>
              Translated into {languageName(language)}
              {translation.note ? `: ${translation.note}` : '.'}
            </Text>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
