import { Anchor, Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { PartnerEngagementView } from '../../domain/partner-view/schemas.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { SectionCard } from '../layout/SectionCard.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { countOf } from '../../domain/count-of.ts';
import { usePartnerEngagement } from './partner-view-api.ts';

const activityStatus: Record<string, string> = { planned: 'Planned', done: 'Done', dropped: 'Dropped' };

/** One engagement as its partner sees it: plan, stages, progress, their next steps and surveys. */
export default function PartnerEngagementPage() {
  const organization = useOrganization();
  const { engagementId = '' } = useParams();
  const view = usePartnerEngagement(organization.id, engagementId);
  usePageTitle(view.data?.engagement.name ?? 'Engagement');
  if (view.isPending) return <LoadingPage />;
  if (view.isError) return <LoadErrorPage error={view.error} onRetry={() => void view.refetch()} />;
  const { engagement, stages, plans, progress, nextSteps, surveys } = view.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={organizationPath(organization.id)} size="sm">
        Back to home
      </Anchor>
      <PageHeader
        title={engagement.name}
        description={`${engagement.partnerName} · since ${formatDate(engagement.startDate)}${
          engagement.endDate ? ` · until ${formatDate(engagement.endDate)}` : ''
        }`}
      />
      <SectionCard title="Your next steps">
        {nextSteps.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open next step is assigned to you. A step is yours when your support team names you as its owner.
          </Text>
        ) : (
          <List spacing="xs">
            {nextSteps.map((step, i) => (
              <List.Item key={i}>
                <Text size="sm">
                  {step.text} — due {formatDate(step.dueDate, 'no date')}{' '}
                  {step.overdue && (
                    <Badge color="red.8" variant="light" tt="none">
                      overdue
                    </Badge>
                  )}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
      <SectionCard title="Surveys waiting for you">
        {surveys.length === 0 ? (
          <Text size="sm" c="dimmed">
            No survey is waiting for you.
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">Open the link in the email your support team sent you.</Text>
            <List spacing="xs">
              {surveys.map((survey, i) => (
                <List.Item key={i}>
                  <Text size="sm">
                    {survey.waveName} — {survey.status === 'started' ? 'started' : 'not started'}
                    {survey.expiresAt ? `, open until ${formatDate(survey.expiresAt)}` : ''}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </SectionCard>
      <SectionCard title="Stages">
        {stages.length === 0 ? (
          <Text size="sm" c="dimmed">
            No stage recorded yet.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {stages.map((stage) => (
              <List.Item key={`${stage.stageId}-${stage.startedOn}`}>
                {stage.name}, from {formatDate(stage.startedOn)}{' '}
                {stage.current && (
                  <Badge size="sm" tt="none">
                    now
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {engagement.goals.length > 0 && (
          <Stack gap={4}>
            <Title order={3} fz="md">
              Goals
            </Title>
            <List size="sm">
              {engagement.goals.map((goal, i) => (
                <List.Item key={i}>{goal}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </SectionCard>
      <Plans plans={plans} />
      <SectionCard title="Progress">
        <Text size="sm">
          Month {progress.relationshipMonth} of the support: {countOf(progress.interactions, 'contact')},{' '}
          {progress.minutes} minutes in all.
        </Text>
        {progress.minutesByComponent.length > 0 && (
          <Table.ScrollContainer minWidth={280}>
            <Table>
              <Table.Caption>Minutes of support by practice component</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Component</Table.Th>
                  <Table.Th ta="right">Minutes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {progress.minutesByComponent.map((c) => (
                  <Table.Tr key={c.componentId}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td ta="right">{c.minutes}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
    </Stack>
  );
}

function Plans({ plans }: { plans: PartnerEngagementView['plans'] }) {
  return (
    <SectionCard title="Plan">
      {plans.length === 0 && (
        <Text size="sm" c="dimmed">
          No stage plan yet.
        </Text>
      )}
      {plans.map((plan) => (
        <Stack key={plan.stageId} gap="xs">
          <Title order={3} fz="md">
            {plan.stageName}
          </Title>
          {plan.goals.length > 0 && (
            <List size="sm" spacing={4}>
              {plan.goals.map((goal, i) => (
                <List.Item key={i}>
                  {goal.text} — measured by {goal.indicator}, by {formatDate(goal.targetDate)}
                </List.Item>
              ))}
            </List>
          )}
          {plan.emphasis.length > 0 && (
            <Text size="sm">
              Planned emphasis:{' '}
              {plan.emphasis.map((e) => `${e.componentName} (${e.minutesPerMonth} min a month)`).join(', ')}.
            </Text>
          )}
          {plan.activities.length > 0 && (
            <List size="sm" spacing={4}>
              {plan.activities.map((activity, i) => (
                <List.Item key={i}>
                  {activity.label} — {activity.ownerName || 'the support team'}, due {formatDate(activity.dueDate)} ·{' '}
                  {activityStatus[activity.status] ?? activity.status}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      ))}
    </SectionCard>
  );
}
