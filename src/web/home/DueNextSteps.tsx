import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HomeNextSteps } from '../../domain/home/views.ts';
import { interactionPath } from '../engagements/engagement-paths.ts';
import { NextStepDueBadge } from '../engagements/NextStepDueBadge.tsx';
import { formatDate } from '../format.ts';

/** Open next steps overdue and due this week, with their counts; overdue ones stand out. */
export function DueNextSteps({ orgId, nextSteps }: { orgId: string; nextSteps: HomeNextSteps }) {
  const listed = nextSteps.items.length;
  const total = nextSteps.overdue + nextSteps.dueSoon;
  return (
    <Stack gap="xs">
      <Text size="sm" c={nextSteps.overdue > 0 ? 'red.8' : 'dimmed'}>
        {nextSteps.overdue} overdue, {nextSteps.dueSoon} due by {formatDate(nextSteps.dueBy)}
        {listed < total ? ` · showing ${listed}` : ''}
      </Text>
      {listed === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing due this week.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Next steps due">
          {nextSteps.items.map((step, index) => (
            <Group
              key={`${step.interactionId}-${index}`}
              component="li"
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              p="xs"
              style={{
                borderLeft: `3px solid var(--mantine-color-${step.overdue ? 'red-6' : 'gray-3'})`,
                borderRadius: 4,
              }}
            >
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" data-record-text>
                  {step.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {step.owner || 'No owner'} ·{' '}
                  <Anchor component={Link} to={interactionPath(orgId, step.interactionId)} size="xs">
                    {step.engagementName}
                  </Anchor>
                </Text>
              </Stack>
              <NextStepDueBadge dueDate={step.dueDate} overdue={step.overdue} />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
