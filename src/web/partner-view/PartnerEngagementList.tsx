import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../format.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { SectionCard } from '../layout/SectionCard.tsx';
import { countOf } from '../../domain/count-of.ts';
import { partnerEngagementPath, usePartnerEngagements } from './partner-view-api.ts';

/** A partner member's home section: the engagements of their partner and of the partners below it. */
export function PartnerEngagementList({ orgId }: { orgId: string }) {
  const engagements = usePartnerEngagements(orgId);
  if (engagements.isPending) return <LoadingPage />;
  if (engagements.isError)
    return <LoadErrorPage error={engagements.error} onRetry={() => void engagements.refetch()} />;
  const { partner, items } = engagements.data;
  if (partner === null)
    return (
      <Alert icon={<IconInfoCircle size={18} aria-hidden />} title="Not linked to a partner yet" variant="light">
        An administrator of this organization links your account to your agency or team; then its engagements, plans and
        progress show here.
      </Alert>
    );
  return (
    <SectionCard title={`Engagements of ${partner.name}`}>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No engagement with {partner.name} or the teams below it yet.
        </Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="sm"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((engagement) => (
            <Paper key={engagement.id} component="li" withBorder radius="md" p="md">
              <Stack gap={6}>
                <Anchor component={Link} to={partnerEngagementPath(orgId, engagement.id)} fw={600}>
                  {engagement.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {engagement.partnerName} · since {formatDate(engagement.startDate)}
                </Text>
                <Group gap="xs">
                  {engagement.currentStageName && (
                    <Badge variant="light" tt="none">
                      {engagement.currentStageName}
                    </Badge>
                  )}
                  <Text size="sm">{countOf(engagement.openNextSteps, 'next step')} for you</Text>
                  <Text size="sm">· {countOf(engagement.surveysWaiting, 'survey')} waiting</Text>
                </Group>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </SectionCard>
  );
}
