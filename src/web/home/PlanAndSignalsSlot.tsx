import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { HomeEngagement } from '../../domain/home/views.ts';
import { fetchOrganizationSignals } from '../api/plans.ts';
import { queryKeys } from '../query-keys.ts';

/** The organization's signals, read once for every card on the home page. */
function useOrganizationSignals(orgId: string) {
  return useQuery({
    queryKey: queryKeys.signals(orgId),
    queryFn: ({ signal }) => fetchOrganizationSignals(orgId, signal),
    staleTime: 30_000,
  });
}

/**
 * An engagement's open signals on its home-page card: each by its title, explained in plain words with the
 * rule that fired it. Acknowledged signals are left to the engagement page.
 */
export function PlanAndSignalsSlot({ orgId, engagement }: { orgId: string; engagement: HomeEngagement }) {
  const signals = useOrganizationSignals(orgId);
  if (!signals.isSuccess) return null;
  const open = signals.data.filter((s) => s.engagementId === engagement.id && s.acknowledgement === null);
  if (open.length === 0) return null;
  return (
    <Group gap={6} aria-label={`Signals for ${engagement.name}`} role="list">
      {open.map((signal) => (
        <Tooltip key={signal.key} label={`${signal.explanation} Rule: ${signal.ruleText}`} multiline w={280}>
          <Badge role="listitem" color="orange" variant="light" tt="none" style={{ maxWidth: '100%' }}>
            <Text span size="xs" truncate>
              {signal.title}
            </Text>
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
