import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { languageAutonym } from '../../domain/measurement/language.ts';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { LinkStatus, Wave, WaveResponse } from '../../domain/measurement/schemas.ts';
import type { Level } from '../../domain/support/schemas.ts';
import { errorMessageOf } from '../api/client.ts';
import { formatDate } from '../format.ts';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone, notifyFailure } from '../notify.ts';
import { countOf } from '../../domain/count-of.ts';
import { useContacts, usePartners } from '../partners/partner-hooks.ts';
import { useCreateSurveyLink, useRevokeSurveyLink, useWaveProgress } from './measurement-hooks.ts';

const statusColors: Record<LinkStatus, string> = {
  unused: 'gray',
  started: 'yellow',
  submitted: 'teal',
  expired: 'orange',
  revoked: 'red',
};
const linkFields = ['contactId', 'anonymous', 'level', 'partnerId', 'expiresInDays'] as const;

/** Response progress of one wave: counts by status, the links with who they are for, and new links. */
export function SurveyLinks({ orgId, wave, canManage }: { orgId: string; wave: Wave; canManage: boolean }) {
  const progress = useWaveProgress(orgId, wave.id);
  const revoke = useRevokeSurveyLink(orgId);
  if (progress.isPending)
    return (
      <Text c="dimmed" size="sm">
        Loading responses…
      </Text>
    );
  if (progress.isError)
    return (
      <Alert color="red" variant="light">
        {errorMessageOf(progress.error)}
      </Alert>
    );
  const { counts, responses } = progress.data;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs" aria-label="Response progress">
        {(['links', 'unused', 'started', 'submitted', 'expired', 'revoked'] as const).map((key) => (
          <div key={key}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {key === 'links' ? 'invited' : key}
            </Text>
            <Text fw={700} fz="lg" data-testid={`progress-${key}`}>
              {counts[key]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {counts.entered > 0 && (
        <Text size="xs" c="dimmed">
          {countOf(counts.entered, 'response')} entered by staff.
        </Text>
      )}
      {canManage && <NewSurveyLink orgId={orgId} wave={wave} />}
      {responses.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm" aria-label={`Survey links of ${wave.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Respondent</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Language</Table.Th>
                <Table.Th>Expires or submitted</Table.Th>
                {canManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {responses.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.respondent}</Table.Td>
                  <Table.Td>{r.level}</Table.Td>
                  <Table.Td>
                    <Badge color={r.linkStatus ? statusColors[r.linkStatus] : 'blue'} variant="light">
                      {r.linkStatus ?? 'entered'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.language ? languageAutonym(r.language) : '—'}</Table.Td>
                  <Table.Td>
                    {r.linkStatus === 'submitted' ? formatDate(r.submittedAt) : formatDate(r.expiresAt)}
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      {revocable(r) && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={revoke.isPending && revoke.variables === r.id}
                          onClick={() =>
                            revoke.mutate(r.id, {
                              onSuccess: () => notifyDone(`Revoked the link for ${r.respondent}`),
                              onError: (e) => notifyFailure('Could not revoke the link', e),
                            })
                          }
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const revocable = (r: WaveResponse): boolean => r.linkStatus === 'unused' || r.linkStatus === 'started';

/** Creates a link for an individual (named or anonymous) or for a rating of a team, organization or system; shows it once to copy. */
function NewSurveyLink({ orgId, wave }: { orgId: string; wave: Wave }) {
  const contacts = useContacts(orgId, undefined);
  const partners = usePartners(orgId);
  const create = useCreateSurveyLink(orgId, wave.id);
  const { fieldErrors, formError, showApiError, clear } = useFormErrors(linkFields);
  const [level, setLevel] = useState<Level>(wave.levels[0] ?? 'individual');
  const [contactId, setContactId] = useState<string | null>(null);
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [expiresInDays, setExpiresInDays] = useState('14');
  const [link, setLink] = useState<string | null>(null);
  const individual = level === 'individual';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    create.mutate(
      {
        level,
        contactId: individual && !anonymous ? contactId : null,
        anonymous: individual && anonymous,
        partnerId,
        expiresInDays: Number(expiresInDays),
      },
      {
        onSuccess: (created) => {
          setLink(new URL(created.path, window.location.origin).toString());
          setContactId(null);
        },
        onError: showApiError,
      },
    );
  };

  const units = (partners.data ?? [])
    .filter((p) => individual || p.kind === level)
    .map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` }));
  return (
    <form onSubmit={submit} noValidate aria-label={`New survey link for ${wave.name}`}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label="Level"
            data={wave.levels}
            value={level}
            onChange={(v) => v && setLevel(v as Level)}
            allowDeselect={false}
            w={150}
            error={fieldErrors.level}
          />
          {individual && !anonymous && (
            <Select
              label="Respondent"
              placeholder="A contact (optional)"
              data={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={contactId}
              onChange={setContactId}
              searchable
              clearable
              w={220}
              error={fieldErrors.contactId}
            />
          )}
          <Select
            label={individual ? 'Unit (optional)' : `The ${level} rated`}
            data={units}
            value={partnerId}
            onChange={setPartnerId}
            searchable
            clearable
            w={220}
            error={fieldErrors.partnerId}
          />
          <TextInput
            label="Expires in days"
            type="number"
            min={1}
            max={90}
            value={expiresInDays}
            onChange={(e) => setExpiresInDays(e.currentTarget.value)}
            w={120}
            error={fieldErrors.expiresInDays}
          />
          {individual && (
            <Checkbox
              label="Anonymous (no identity stored)"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
              mb={8}
            />
          )}
          <Button type="submit" leftSection={<IconLink size={16} aria-hidden />} loading={create.isPending}>
            Create survey link
          </Button>
        </Group>
        <FormError message={formError} />
        {link && (
          <Alert color="teal" variant="light" title="Survey link (shown once: copy it now)">
            <Group gap="xs" wrap="nowrap">
              <TextInput
                value={link}
                readOnly
                aria-label="New survey link"
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                    <ActionIcon
                      variant="light"
                      color={copied ? 'teal' : 'blue'}
                      onClick={copy}
                      aria-label="Copy link"
                      size="lg"
                    >
                      {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
      </Stack>
    </form>
  );
}
