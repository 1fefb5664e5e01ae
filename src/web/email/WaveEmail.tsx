import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { countOf } from '../../domain/count-of.ts';
import type { ContactEmailStatus, EmailsQueued, EmailStatus } from '../../domain/email/schemas.ts';
import { languageName } from '../../domain/measurement/language.ts';
import type { Wave } from '../../domain/measurement/schemas.ts';
import { errorMessageOf } from '../api/client.ts';
import { formatDate } from '../format.ts';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useRetryFailed, useSendInvitations, useSendReminders, useWaveEmail } from './email-hooks.ts';

const statusColors: Record<EmailStatus, string> = { queued: 'gray', sent: 'teal', retrying: 'orange', failed: 'red' };
const ownLanguage = { value: '', label: "Each contact's own language" };

/** What a contact's row says beside the status: the server's reason, the next attempt, reminders, an answer. */
function detailOf(row: ContactEmailStatus): string {
  const parts: string[] = [];
  if (row.unsubscribed) parts.push('Asked for no more email.');
  if (row.answered) parts.push('Answered.');
  if (row.status === 'sent' && row.sentAt) parts.push(`Sent ${formatDate(row.sentAt)}.`);
  if (row.status && row.lang) parts.push(`In ${languageName(row.lang)}.`);
  if (row.lastError) parts.push(`The server said: ${row.lastError.replace(/\.?$/, '.')}`);
  if (row.status === 'retrying' && row.nextAttemptAt) parts.push(`Next attempt ${formatDate(row.nextAttemptAt)}.`);
  if (row.remindersSent > 0) parts.push(`${countOf(row.remindersSent, 'reminder')} sent.`);
  return parts.join(' ');
}

const queuedMessage = (what: string, result: EmailsQueued): string => {
  const skipped = result.skipped.map((s) => s.reason).join(' ');
  return `${countOf(result.queued, what)} queued.${skipped ? ` ${skipped}` : ''}`;
};

/** Email for one wave: choose contacts and send each their own link, remind those who have not answered, and see delivery per contact. */
export function WaveEmail({ orgId, wave, canManage }: { orgId: string; wave: Wave; canManage: boolean }) {
  const email = useWaveEmail(orgId, wave.id);
  const send = useSendInvitations(orgId, wave.id);
  const remind = useSendReminders(orgId, wave.id);
  const retry = useRetryFailed(orgId, wave.id);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [lang, setLang] = useState('');

  if (email.isPending)
    return (
      <Text c="dimmed" size="sm">
        Loading email status…
      </Text>
    );
  if (email.isError)
    return (
      <Alert color="red" variant="light">
        {errorMessageOf(email.error)}
      </Alert>
    );
  const { configured, contacts, reminderLimit, languages } = email.data;
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const failed = contacts.some((c) => c.status === 'failed' && !c.unsubscribed);

  return (
    <Stack gap="xs" aria-label={`Email for ${wave.name}`} component="section">
      <Title order={4} size="h6">
        Email
      </Title>
      {!configured && (
        <Alert color="gray" variant="light" title="Email is off.">
          This server has no SMTP settings yet, so nothing can be sent by email. Create links above and send them
          yourself, or ask the operator to set up email.
        </Alert>
      )}
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contact has an email address yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table fz="sm" aria-label={`Email delivery for ${wave.name}`}>
            <Table.Thead>
              <Table.Tr>
                {canManage && configured && <Table.Th aria-label="Choose" />}
                <Table.Th>Contact</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((row) => (
                <Table.Tr key={row.contactId} data-testid={`email-row-${row.name}`}>
                  {canManage && configured && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Choose ${row.name}`}
                        checked={chosen.has(row.contactId)}
                        disabled={row.unsubscribed}
                        onChange={(event) => toggle(row.contactId, event.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="sm">{row.name}</Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {row.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {row.status ? (
                      <Badge color={statusColors[row.status]} variant="light">
                        {row.kind === 'reminder' ? `reminder ${row.status}` : row.status}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Not sent
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {detailOf(row)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canManage && configured && contacts.length > 0 && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label="Language"
            description="The survey's own language stands in for one it lacks."
            data={[ownLanguage, ...languages.map((value) => ({ value, label: languageName(value) }))]}
            value={lang}
            onChange={(v) => setLang(v ?? '')}
            allowDeselect={false}
            w={230}
          />
          <Button
            size="sm"
            disabled={chosen.size === 0}
            loading={send.isPending}
            onClick={() =>
              send.mutate(
                [...chosen].map((contactId) => ({ contactId, lang: lang === '' ? null : lang })),
                {
                  onSuccess: (result) => {
                    setChosen(new Set());
                    notifyDone(queuedMessage('invitation', result));
                  },
                  onError: (e) => notifyFailure('Could not send the invitations', e),
                },
              )
            }
          >
            Send invitations
          </Button>
          <Button
            size="sm"
            variant="default"
            loading={remind.isPending}
            onClick={() =>
              remind.mutate(undefined, {
                onSuccess: (result) => notifyDone(queuedMessage('reminder', result)),
                onError: (e) => notifyFailure('Could not send the reminders', e),
              })
            }
          >
            Remind those who have not answered
          </Button>
          {failed && (
            <Button
              size="sm"
              variant="subtle"
              loading={retry.isPending}
              onClick={() =>
                retry.mutate(undefined, {
                  onSuccess: (result) => notifyDone(`${countOf(result.queued, 'message')} queued again.`),
                  onError: (e) => notifyFailure('Could not retry', e),
                })
              }
            >
              Retry failed
            </Button>
          )}
        </Group>
      )}
      {configured && (
        <Text size="xs" c="dimmed">
          Each contact gets at most {countOf(reminderLimit, 'reminder')}.
        </Text>
      )}
    </Stack>
  );
}
