import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { formatDate } from '../format.ts';
import { interactionPath } from './engagement-paths.ts';
import { NextStepDueBadge } from './NextStepDueBadge.tsx';

/** Next steps not yet done, soonest due first; overdue ones stand out. */
export function OpenNextSteps({
  orgId,
  steps,
  limit = 6,
}: {
  orgId: string;
  steps: EngagementOverview['openNextSteps'];
  limit?: number;
}) {
  if (steps.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No open next steps.
      </Text>
    );
  const sorted = [...steps].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  const overdue = steps.filter((step) => step.overdue).length;
  return (
    <Stack gap="xs">
      <Text size="xs" c={overdue > 0 ? 'red' : 'dimmed'}>
        {steps.length} open{overdue > 0 ? `, ${overdue} overdue` : ''}
        {steps.length > limit ? ` · showing the ${limit} due soonest` : ''}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sorted.slice(0, limit).map((step, index) => (
          <Group
            key={`${step.interactionId}-${index}`}
            component="li"
            gap="xs"
            wrap="nowrap"
            align="flex-start"
            p="xs"
            style={{
              borderLeft: `3px solid var(--mantine-color-${step.overdue ? 'red' : 'gray'}-${step.overdue ? 6 : 3})`,
              borderRadius: 4,
            }}
            bg={step.overdue ? 'var(--mantine-color-red-light)' : undefined}
          >
            <Stack gap={2} style={{ flex: 1 }}>
              <Text size="sm" data-record-text>
                {step.text}
              </Text>
              <Text size="xs" c="dimmed">
                {step.owner || 'No owner'} ·{' '}
                {/* On the pink of an overdue step the usual link colour reaches only 4.1:1; a darker shade reads. */}
                <Anchor
                  component={Link}
                  to={interactionPath(orgId, step.interactionId)}
                  size="xs"
                  c={step.overdue ? 'indigo.9' : undefined}
                >
                  from {formatDate(step.interactionDate)}
                </Anchor>
              </Text>
            </Stack>
            {step.dueDate && <NextStepDueBadge dueDate={step.dueDate} overdue={step.overdue} />}
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
