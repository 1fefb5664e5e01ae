import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { HomeWave } from '../../domain/home/views.ts';
import { formatDate } from '../format.ts';
import { measurementPath } from '../measurement/measurement-paths.ts';

/** Survey waves scheduled from two weeks ago to a month ahead. */
export function WavesDue({ orgId, waves }: { orgId: string; waves: HomeWave[] }) {
  if (waves.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No survey wave is scheduled from two weeks ago to a month ahead.
      </Text>
    );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Survey waves due">
      {waves.map((wave) => (
        <Group key={wave.id} component="li" justify="space-between" gap="xs">
          <Anchor component={Link} to={measurementPath(orgId, wave.engagementId)} size="sm">
            {wave.name} · {wave.engagementName}
          </Anchor>
          <Text size="sm" c="dimmed">
            {formatDate(wave.scheduledOn)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
