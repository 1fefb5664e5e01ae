import { Anchor, Badge, Group, Popover, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { HomeEngagement } from '../../domain/home/views.ts';
import type { Signal } from '../../domain/signals/schemas.ts';
import { fetchOrganizationSignals } from '../api/plans.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
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
 * An engagement's open signals on its home-page card: each by its title, a button that opens its plain
 * explanation and the rule that fired it, so keyboard and touch reach it as well as a mouse. Acknowledged
 * signals are left to the engagement page.
 */
export function PlanAndSignalsSlot({ orgId, engagement }: { orgId: string; engagement: HomeEngagement }) {
  const signals = useOrganizationSignals(orgId);
  if (!signals.isSuccess) return null;
  const open = signals.data.filter((s) => s.engagementId === engagement.id && s.acknowledgement === null);
  if (open.length === 0) return null;
  return (
    <Group gap={6} aria-label={`Signals for ${engagement.name}`} role="list">
      {open.map((signal) => (
        <div role="listitem" key={signal.key} style={{ maxWidth: '100%' }}>
          <SignalExplanation orgId={orgId} signal={signal} />
        </div>
      ))}
    </Group>
  );
}

function SignalExplanation({ orgId, signal }: { orgId: string; signal: Signal }) {
  return (
    <Popover width={280} position="bottom-start" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <UnstyledButton aria-label={`Signal: ${signal.title}. Show why`} style={{ maxWidth: '100%' }}>
          <Badge color="orange" variant="light" tt="none" style={{ maxWidth: '100%', cursor: 'pointer' }}>
            <Text span size="xs" truncate>
              {signal.title}
            </Text>
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fz="sm">{signal.explanation}</Text>
        <Text fz="xs" c="dimmed" mt={4}>
          Rule: {signal.ruleText}
        </Text>
        <Anchor component={Link} to={organizationPath(orgId, `engagements/${signal.engagementId}`)} fz="sm" mt={4}>
          Open the engagement
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
