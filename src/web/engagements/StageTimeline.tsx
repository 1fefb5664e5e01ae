import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea, Timeline } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Engagement } from '../../domain/support/schemas.ts';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { errorMessageOf } from '../api/client.ts';
import { formatDate } from '../format.ts';
import { localDate } from '../interactions/interaction-form.ts';
import { notifyDone } from '../notify.ts';
import { useMoveEngagementToStage } from './engagement-hooks.ts';

interface StageTimelineProps {
  orgId: string;
  engagement: Engagement;
  stages: EngagementOverview['model']['stages'];
  canEdit: boolean;
}

/** The engagement's dated stages, oldest first, and a way to move it on to the next. */
export function StageTimeline({ orgId, engagement, stages, canEdit }: StageTimelineProps) {
  const move = useMoveEngagementToStage(orgId, engagement.id);
  const current = engagement.stages.at(-1)?.stageId;
  const nextStage = stages[stages.findIndex((stage) => stage.id === current) + 1];
  const [stageId, setStageId] = useState<string | null>(nextStage?.id ?? null);
  const [startedOn, setStartedOn] = useState(localDate(new Date()));
  const [criteriaMet, setCriteriaMet] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const exitCriteria = stages.find((stage) => stage.id === current)?.exitCriteria ?? [];
  const unmet = exitCriteria.filter((criterion) => !criteriaMet.includes(criterion.id));
  const nameOf = (id: string) => stages.find((stage) => stage.id === id)?.name ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!stageId) return;
    setError(null);
    move.mutate(
      {
        change: {
          stageId,
          startedOn,
          ...(exitCriteria.length > 0 ? { criteriaMet } : {}),
          ...(unmet.length > 0 && reason.trim() !== '' ? { reason: reason.trim() } : {}),
        },
        version: engagement.version,
      },
      {
        onSuccess: () => {
          setCriteriaMet([]);
          setReason('');
          notifyDone(`Moved to ${nameOf(stageId)}.`);
        },
        onError: (failure) => setError(errorMessageOf(failure)),
      },
    );
  };

  return (
    <Stack gap="md">
      {engagement.stages.length === 0 ? (
        <Text c="dimmed" size="sm">
          No stage recorded yet.
        </Text>
      ) : (
        <Timeline active={engagement.stages.length - 1} bulletSize={20} lineWidth={2}>
          {engagement.stages.map((stage, index) => (
            <Timeline.Item
              key={`${stage.stageId}-${stage.startedOn}`}
              bullet={<IconFlag size={12} aria-hidden />}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {nameOf(stage.stageId)}
                  </Text>
                  {index === engagement.stages.length - 1 && (
                    <Badge size="xs" variant="light">
                      current
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                from {formatDate(stage.startedOn)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {canEdit && (
        <form onSubmit={submit} aria-label="Move to stage">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label="Move to stage"
              data={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
              value={stageId}
              onChange={setStageId}
              size="xs"
              style={{ flex: '1 1 180px' }}
            />
            <TextInput
              type="date"
              label="From"
              value={startedOn}
              onChange={(e) => setStartedOn(e.currentTarget.value)}
              size="xs"
              style={{ flex: '0 1 140px' }}
            />
            <Button type="submit" size="xs" variant="light" loading={move.isPending} disabled={!stageId}>
              Move
            </Button>
          </Group>
          {exitCriteria.length > 0 && (
            <Checkbox.Group
              label={`Exit criteria of ${nameOf(current ?? '')}`}
              description="Tick those that are met."
              value={criteriaMet}
              onChange={setCriteriaMet}
              mt="xs"
            >
              <Stack gap={4} mt={4}>
                {exitCriteria.map((criterion) => (
                  <Checkbox key={criterion.id} value={criterion.id} label={criterion.description} size="xs" />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {unmet.length > 0 && (
            <Textarea
              label="Why move on with criteria unmet"
              description="Kept in the engagement's history."
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              size="xs"
              autosize
              minRows={2}
              mt="xs"
            />
          )}
          {error && (
            <Text size="xs" c="red" mt={4} role="alert">
              {error}
            </Text>
          )}
        </form>
      )}
    </Stack>
  );
}
