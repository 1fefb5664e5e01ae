import { Group, Progress, Stack, Text } from '@mantine/core';
import type { EngagementOverview } from '../../domain/support/views.ts';

/** How often each principle was applied in the engagement, with the mean self-rating where there is one. */
export function PrinciplesUsed({ overview }: { overview: EngagementOverview }) {
  const total = Math.max(1, overview.totals.interactions);
  const uses = new Map(overview.principles.map((use) => [use.principleId, use]));
  return (
    <Stack gap="sm">
      {overview.model.principles.map((principle) => {
        const use = uses.get(principle.id);
        const count = use?.interactions ?? 0;
        return (
          <Stack key={principle.id} gap={2}>
            <Group justify="space-between" gap="xs">
              {/* The practice model's name for the principle, as its authors wrote it. */}
              <Text size="sm" data-record-text>
                {principle.name}
              </Text>
              <Text size="xs" c="dimmed">
                {count} {count === 1 ? 'interaction' : 'interactions'}
                {use?.meanRating != null ? ` · rated ${use.meanRating.toFixed(1)}/5` : ''}
              </Text>
            </Group>
            <Progress
              value={(count / total) * 100}
              color="teal"
              size="sm"
              aria-label={`${principle.name}: share of interactions`}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
