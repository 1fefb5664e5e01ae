import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { HomeEngagement } from '../../domain/home/views.ts';
import { engagementPath, partnerPath } from '../engagements/engagement-paths.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { formatDate } from '../format.ts';
import { PlanAndSignalsSlot } from './PlanAndSignalsSlot.tsx';

/** How many cards show before "Show all". */
const shownAtFirst = 12;

const sinceContact = (days: number | null): string =>
  days === null
    ? 'No contact logged yet'
    : days === 0
      ? 'Contact today'
      : days === 1
        ? '1 day since contact'
        : `${days} days since contact`;

/**
 * Engagement cards, those needing attention first (overdue next steps, then the longest without
 * contact): partner, stage, last contact, this month's minutes. When the home lists only the first of
 * more engagements (the team view), it says how many and links to the full list.
 */
export function HomeEngagements({
  orgId,
  engagements,
  total,
  empty,
}: {
  orgId: string;
  engagements: HomeEngagement[];
  total: number;
  empty: string;
}) {
  const [showAll, setShowAll] = useState(false);
  if (engagements.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  const shown = showAll ? engagements : engagements.slice(0, shownAtFirst);
  return (
    <Stack gap="sm">
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {shown.map((engagement) => (
          <Paper key={engagement.id} component="li" withBorder radius="md" p="md">
            <Stack gap={6}>
              <Anchor component={Link} to={engagementPath(orgId, engagement.id)} fw={600}>
                {engagement.name}
              </Anchor>
              <Anchor component={Link} to={partnerPath(orgId, engagement.partnerId)} size="sm" c="dimmed">
                {engagement.partnerName}
              </Anchor>
              <Group gap="xs">
                {engagement.currentStageName && (
                  <Badge variant="light" tt="none">
                    {engagement.currentStageName}
                  </Badge>
                )}
                <Badge variant="light" color="gray" tt="none">
                  {engagement.minutesThisMonth} min this month
                </Badge>
                {engagement.overdueNextSteps > 0 && (
                  <Badge variant="light" color="red" tt="none">
                    {engagement.overdueNextSteps === 1
                      ? '1 next step overdue'
                      : `${engagement.overdueNextSteps} next steps overdue`}
                  </Badge>
                )}
              </Group>
              <Text
                size="sm"
                c={engagement.daysSinceContact === null || engagement.daysSinceContact > 28 ? 'red.8' : undefined}
              >
                {sinceContact(engagement.daysSinceContact)}
                {engagement.lastContact && ` · last ${formatDate(engagement.lastContact)}`}
              </Text>
              <PlanAndSignalsSlot orgId={orgId} engagement={engagement} />
              <Anchor component={Link} to={engagementPath(orgId, engagement.id, 'log')} size="sm">
                Log interaction<VisuallyHidden> for {engagement.name}</VisuallyHidden>
              </Anchor>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {(engagements.length > shownAtFirst || total > engagements.length) && (
        <Group>
          {total > engagements.length && (
            <Text size="sm">
              Showing the {engagements.length} of {total} open engagements that most need attention.{' '}
              <Anchor component={Link} to={organizationPath(orgId, 'engagements')}>
                All engagements
              </Anchor>
            </Text>
          )}
          {engagements.length > shownAtFirst && (
            <Button variant="default" onClick={() => setShowAll((all) => !all)}>
              {showAll ? 'Show fewer' : `Show all ${engagements.length}`}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
