import { Anchor, Group, Text, Timeline } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Interaction } from '../../domain/support/schemas.ts';
import { interactionPath } from '../engagements/engagement-paths.ts';
import { modeLabel } from '../engagements/model-names.ts';
import { formatDate } from '../format.ts';
import { ComponentBadges } from './ComponentBadges.tsx';

interface InteractionTimelineProps {
  orgId: string;
  interactions: Interaction[];
  nameOf: (id: string) => string | undefined;
}

/** Interactions newest first, each with its date, mode, length, components and the start of its notes. */
export function InteractionTimeline({ orgId, interactions, nameOf }: InteractionTimelineProps) {
  return (
    <Timeline bulletSize={22} lineWidth={2} aria-label="Recent interactions">
      {interactions.map((interaction) => (
        <Timeline.Item
          key={interaction.id}
          bullet={<IconMessageCircle size={12} aria-hidden />}
          title={
            <Group gap="xs">
              <Anchor component={Link} to={interactionPath(orgId, interaction.id)} fw={600} size="sm">
                {formatDate(interaction.date)}
                {interaction.time ? ` ${interaction.time}` : ''}
              </Anchor>
              <Text size="xs" c="dimmed">
                {modeLabel(interaction.mode)} · {interaction.durationMinutes} min
                {interaction.stageId ? ` · ${nameOf(interaction.stageId) ?? interaction.stageId}` : ''}
              </Text>
            </Group>
          }
        >
          <ComponentBadges components={interaction.components} nameOf={nameOf} />
          {interaction.notes && (
            <Text size="xs" c="dimmed" mt={4} lineClamp={2}>
              {interaction.notes}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
