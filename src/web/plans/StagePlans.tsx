import { Anchor, Badge, Button, Group, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { engagementPath } from '../engagements/engagement-paths.ts';
import { useStagePlans } from './plan-hooks.ts';

/** Each stage of the model with its plan at a glance (goals, minutes a month, open activities), and a way to write or edit it. */
export function StagePlans({
  orgId,
  overview,
  canEdit,
}: {
  orgId: string;
  overview: EngagementOverview;
  canEdit: boolean;
}) {
  const plans = useStagePlans(orgId, overview.engagement.id);
  if (plans.isPending) return <Text size="sm">Loading…</Text>;
  if (plans.isError) return <Text c="red">The plans could not be loaded.</Text>;
  const planOf = new Map(plans.data.map((plan) => [plan.stageId, plan]));
  return (
    <Stack gap="sm">
      {plans.data.length === 0 && (
        <Text size="sm" c="dimmed">
          No stage has a plan yet. A plan sets goals with an indicator and target date, the minutes a month you mean to
          give each component, and planned activities.
        </Text>
      )}
      <List spacing="xs" listStyleType="none" styles={{ root: { paddingLeft: 0 } }}>
        {overview.model.stages.map((stage) => {
          const plan = planOf.get(stage.id);
          const path = engagementPath(orgId, overview.engagement.id, `plans/${encodeURIComponent(stage.id)}`);
          const minutes = plan?.emphasis.reduce((sum, e) => sum + e.minutesPerMonth, 0) ?? 0;
          const open = plan?.activities.filter((a) => a.status === 'planned').length ?? 0;
          return (
            <List.Item key={stage.id}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Stack gap={0}>
                  <Group gap={6}>
                    <Text size="sm" fw={600}>
                      {stage.name}
                    </Text>
                    {overview.currentStageId === stage.id && (
                      <Badge size="xs" variant="light">
                        current
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {plan
                      ? `${plan.goals.length} ${plan.goals.length === 1 ? 'goal' : 'goals'} · ${minutes} minutes a month planned · ${open} open ${open === 1 ? 'activity' : 'activities'}`
                      : 'no plan'}
                  </Text>
                </Stack>
                {plan ? (
                  <Anchor component={Link} to={path} size="sm">
                    {canEdit ? 'Edit plan' : 'See plan'}
                    <VisuallyHidden> of {stage.name}</VisuallyHidden>
                  </Anchor>
                ) : (
                  canEdit && (
                    <Button component={Link} to={path} size="xs" variant="light">
                      Plan this stage<VisuallyHidden>: {stage.name}</VisuallyHidden>
                    </Button>
                  )
                )}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
