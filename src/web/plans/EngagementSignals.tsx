import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Signal } from '../../domain/signals/schemas.ts';
import { acknowledgeSignal, fetchEngagementSignals } from '../api/plans.ts';
import { errorMessageOf } from '../api/client.ts';
import { queryKeys } from '../query-keys.ts';

/** One signal: what, why, the rule, and an acknowledgement with a note. */
function SignalItem({ orgId, signal, canAcknowledge }: { orgId: string; signal: Signal; canAcknowledge: boolean }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [open, setOpen] = useState(false);
  const acknowledge = useMutation({
    mutationFn: () => acknowledgeSignal(orgId, signal.engagementId, signal.key, note),
    onSuccess: async () => {
      setOpen(false);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.engagementSignals(orgId, signal.engagementId) });
    },
  });
  return (
    <Alert color={signal.acknowledgement ? 'gray' : 'orange'} title={signal.title} variant="light">
      <Stack gap={4}>
        <Text size="sm">{signal.explanation}</Text>
        <Text size="xs" c="dimmed">
          Rule: {signal.ruleText}
        </Text>
        {signal.acknowledgement && (
          <Text size="xs">
            Acknowledged {signal.acknowledgement.at.slice(0, 10)}: {signal.acknowledgement.note}
          </Text>
        )}
        {canAcknowledge && !open && (
          <Group>
            <Button size="xs" variant="subtle" onClick={() => setOpen(true)}>
              Acknowledge
            </Button>
          </Group>
        )}
        {open && (
          <Stack gap={4}>
            <Textarea
              label="Note"
              description="What you did about it, or why it is fine"
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={acknowledge.isError ? errorMessageOf(acknowledge.error) : undefined}
              autosize
              minRows={2}
            />
            <Group>
              <Button size="xs" onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
                Save note
              </Button>
              <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}

/** The engagement's signals, computed from the record by the organization's rules. */
export function EngagementSignals({
  orgId,
  engagementId,
  canAcknowledge,
}: {
  orgId: string;
  engagementId: string;
  canAcknowledge: boolean;
}) {
  const query = useQuery({
    queryKey: queryKeys.engagementSignals(orgId, engagementId),
    queryFn: ({ signal }) => fetchEngagementSignals(orgId, engagementId, signal),
  });
  if (query.isPending) return <Text size="sm">Loading…</Text>;
  if (query.isError) return <Text c="red">{errorMessageOf(query.error)}</Text>;
  if (query.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No signals: nothing in the record calls for a change of support.
      </Text>
    );
  return (
    <Stack gap="xs">
      {query.data.map((signal) => (
        <SignalItem key={signal.key} orgId={orgId} signal={signal} canAcknowledge={canAcknowledge} />
      ))}
    </Stack>
  );
}
