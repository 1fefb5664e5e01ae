import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DataFreshness, HomeHypothesis } from '../../domain/home/views.ts';
import { formatDate } from '../format.ts';
import { EvidenceBadge } from '../hypotheses/EvidenceBadge.tsx';
import { FigureCard } from '../layout/FigureCard.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';

const ago = (days: number | null): string | undefined =>
  days === null ? undefined : days === 0 ? 'today' : days < 0 ? `in ${-days} days` : `${days} days ago`;

/** How fresh the record is: the latest interaction and the latest survey wave held. */
export function DataFreshnessFigures({ freshness }: { freshness: DataFreshness }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <FigureCard
        label="Last interaction"
        value={formatDate(freshness.lastInteraction, 'None yet')}
        detail={ago(freshness.daysSinceInteraction)}
      />
      <FigureCard
        label="Last survey wave"
        value={formatDate(freshness.lastWave, 'None yet')}
        detail={ago(freshness.daysSinceWave)}
      />
    </SimpleGrid>
  );
}

/** Every hypothesis with its registration status and the evidence of its latest run. */
export function HypothesisStatuses({ orgId, hypotheses }: { orgId: string; hypotheses: HomeHypothesis[] }) {
  if (hypotheses.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No hypothesis is registered yet.{' '}
        <Anchor component={Link} to={organizationPath(orgId, 'hypotheses/new')} underline="always">
          Register one
        </Anchor>{' '}
        from a link of the practice model.
      </Text>
    );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Hypotheses">
      {hypotheses.map((h) => (
        <Group key={h.id} component="li" justify="space-between" gap="xs" wrap="wrap">
          <Anchor component={Link} to={organizationPath(orgId, `hypotheses/${h.id}`)} size="sm" style={{ minWidth: 0 }}>
            {h.title}
          </Anchor>
          <Group gap={6}>
            <Badge variant="light" color="gray" tt="none">
              {h.status}
            </Badge>
            {h.lastVerdict ? (
              <EvidenceBadge evidence={h.lastVerdict} />
            ) : (
              <Text size="xs" c="dimmed">
                not run
              </Text>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
