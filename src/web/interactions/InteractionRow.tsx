import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Interaction } from '../../domain/support/schemas.ts';
import { interactionPath } from '../engagements/engagement-paths.ts';
import { modeLabel } from '../engagements/model-names.ts';
import { formatDate } from '../format.ts';
import { ComponentBadges } from './ComponentBadges.tsx';

interface InteractionRowProps {
  orgId: string;
  interaction: Interaction;
  engagementName: string;
  loggedByMe: boolean;
  nameOf: (id: string) => string | undefined;
}

/** One interaction in the list: when, where, how long, what components; links to its page. */
export function InteractionRow({ orgId, interaction, engagementName, loggedByMe, nameOf }: InteractionRowProps) {
  return (
    <Paper withBorder p="sm" radius="md" component="li" opacity={interaction.deletedAt ? 0.6 : 1}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Anchor component={Link} to={interactionPath(orgId, interaction.id)} fw={600}>
              {formatDate(interaction.date)}
              {interaction.time ? ` ${interaction.time}` : ''}
            </Anchor>
            <Text size="sm" c="dimmed" data-record-text>
              {engagementName}
            </Text>
          </Group>
          <Group gap={6}>
            {interaction.deletedAt && (
              <Badge color="red" size="sm">
                deleted
              </Badge>
            )}
            {loggedByMe && (
              <Badge color="teal" variant="light" size="sm">
                by you
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {modeLabel(interaction.mode)} · {interaction.durationMinutes} min
            </Text>
          </Group>
        </Group>
        <ComponentBadges components={interaction.components} nameOf={nameOf} />
      </Stack>
    </Paper>
  );
}
