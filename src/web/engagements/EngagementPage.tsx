import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconList, IconPencilPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { engagementReportUrl } from '../analysis/analysis-api.ts';
import { ReportDownload } from '../analysis/ReportDownload.tsx';
import { isApiError } from '../api/client.ts';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { usePeople } from '../people/usePeople.ts';
import { InteractionTimeline } from '../interactions/InteractionTimeline.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { OutcomeTrajectories } from '../measurement/OutcomeTrajectories.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { ComponentMixChart } from './ComponentMixChart.tsx';
import { DeletedEngagement } from './DeletedEngagement.tsx';
import { DoseChart } from './DoseChart.tsx';
import { EngagementActions } from './EngagementActions.tsx';
import { useEngagement, useEngagementOverview } from './engagement-hooks.ts';
import { EngagementHistory } from './EngagementHistory.tsx';
import { engagementPath, interactionsListPath, partnerPath } from './engagement-paths.ts';
import { modelNames } from './model-names.ts';
import { OpenNextSteps } from './OpenNextSteps.tsx';
import { PrinciplesUsed } from './PrinciplesUsed.tsx';
import { canEditRecords } from './record-permissions.ts';
import { StageTimeline } from './StageTimeline.tsx';
import { ThisMonthDose } from './ThisMonthDose.tsx';
import { countOf } from '../../domain/count-of.ts';
import type { GlossaryTerm } from '../words/glossary.ts';
import { WithHelp } from '../words/HelpTip.tsx';
import { FigureCard } from '../layout/FigureCard.tsx';
import { EngagementSignals } from '../plans/EngagementSignals.tsx';
import { PlanVersusActual } from '../plans/PlanVersusActual.tsx';
import { StagePlans } from '../plans/StagePlans.tsx';

function Panel({
  title,
  children,
  actions,
  help = [],
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** The glossary terms the title uses. */
  help?: readonly GlossaryTerm[];
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} h="100%">
      <Group justify="space-between" mb="sm" gap="xs">
        <WithHelp terms={help}>
          <Title order={2} fz="md">
            {title}
          </Title>
        </WithHelp>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** One support relationship at a glance: where it stands, how much support it gets, what it is made of, what is due. */
export default function EngagementPage() {
  const organization = useOrganization();
  const session = useSignedInSession();
  const { engagementId = '' } = useParams();
  const overview = useEngagementOverview(organization.id, engagementId);
  // A deleted engagement has no overview (404); the record itself says whether it was deleted.
  const missing = overview.isError && isApiError(overview.error) && overview.error.status === 404;
  const record = useEngagement(organization.id, engagementId, { enabled: missing });
  const navigate = useNavigate();
  const canEdit = canEditRecords(organization.role);
  const logPath = engagementPath(organization.id, engagementId, 'log');
  useHotkeys([['L', () => canEdit && void navigate(logPath)]]);
  usePageTitle(overview.data?.engagement.name, organization.name);

  if (overview.isPending || (missing && record.isPending)) return <LoadingPage />;
  if (missing && record.data?.deletedAt)
    return (
      <DeletedEngagement
        orgId={organization.id}
        engagement={record.data}
        myUserId={session.user.id}
        canEdit={canEdit}
      />
    );
  if (overview.isError) return <LoadErrorPage error={overview.error} onRetry={() => void overview.refetch()} />;
  return (
    <EngagementOverviewView
      overview={overview.data}
      orgId={organization.id}
      myUserId={session.user.id}
      canEdit={canEdit}
      logPath={logPath}
    />
  );
}

interface ViewProps {
  overview: EngagementOverview;
  orgId: string;
  myUserId: string;
  canEdit: boolean;
  logPath: string;
}

function EngagementOverviewView({ overview, orgId, myUserId, canEdit, logPath }: ViewProps) {
  const { engagement, partner, model } = overview;
  const nameOf = modelNames(model);
  const { people, personName } = usePeople(orgId);
  const memberName = (userId: string) =>
    userId === myUserId ? 'you' : people.isSuccess ? (personName(userId) ?? 'a former member') : '…';
  const team = engagement.supportTeam.map(memberName);
  const currentStage = overview.currentStageId ? nameOf(overview.currentStageId) : null;
  // Interaction minutes no component was given: the duration beyond the sum of its components' minutes.
  const componentMinutes = overview.componentMix.reduce((sum, month) => sum + month.totalMinutes, 0);
  const unassignedMinutes = Math.max(0, overview.totals.minutes - componentMinutes);

  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs
          styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }}
          mb="xs"
          fz="sm"
        >
          <Anchor component={Link} to={organizationPath(orgId, 'engagements')}>
            Engagements
          </Anchor>
          <Text fz="sm">{engagement.name}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} style={{ flex: '1 1 320px' }}>
            <Title order={1} fz={{ base: 24, sm: 30 }}>
              {engagement.name}
            </Title>
            <Group gap="xs">
              {currentStage && (
                <Badge size="lg" variant="filled" color="indigo">
                  {currentStage}
                </Badge>
              )}
              {engagement.deletedAt && <Badge color="red">deleted</Badge>}
              <Badge variant="light" color="gray" tt="none">
                {model.name} {model.version}
              </Badge>
            </Group>
            <Text c="dimmed" size="sm">
              {partner ? (
                <Anchor component={Link} to={partnerPath(orgId, partner.id)} size="sm">
                  {partner.name}
                </Anchor>
              ) : (
                'Unknown partner'
              )}
              {' · '}since {formatDate(engagement.startDate)}
              {engagement.endDate ? ` until ${formatDate(engagement.endDate)}` : ''}
              {' · '}support team: {team.length > 0 ? team.join(', ') : 'nobody yet'}
            </Text>
          </Stack>
          <Group gap="sm">
            <Button
              component={Link}
              to={interactionsListPath(orgId, { engagementId: engagement.id })}
              variant="default"
              leftSection={<IconList size={18} aria-hidden />}
            >
              All interactions
            </Button>
            <ReportDownload urlOf={(format) => engagementReportUrl(orgId, engagement.id, format)} />
            {canEdit && <EngagementActions orgId={orgId} engagement={engagement} />}
            {canEdit && (
              <Button
                component={Link}
                to={logPath}
                leftSection={<IconPencilPlus size={18} aria-hidden />}
                aria-keyshortcuts="L"
                title="Log interaction (L)"
              >
                Log interaction
              </Button>
            )}
          </Group>
        </Group>
      </div>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <ThisMonthDose thisMonth={overview.thisMonth} />
        <FigureCard
          label="Month of relationship"
          help="month of relationship"
          value={overview.relationshipMonth}
          detail={`started ${formatDate(engagement.startDate)}`}
        />
        <FigureCard label="Interactions" value={overview.totals.interactions} detail="Over the whole engagement." />
        <FigureCard
          label="Hours of support"
          value={(overview.totals.minutes / 60).toFixed(1)}
          detail={`${countOf(overview.totals.minutes, 'minute')} in all; ${countOf(unassignedMinutes, 'minute')} not assigned to a component.`}
        />
      </SimpleGrid>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Panel title="Component mix by month of relationship" help={['month of relationship']}>
            <ComponentMixChart overview={overview} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Panel title="Stages">
            <StageTimeline orgId={orgId} engagement={engagement} stages={model.stages} canEdit={canEdit} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Panel title="Dose by month of relationship" help={['dose', 'month of relationship']}>
            <DoseChart overview={overview} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Panel title="Goals">
            {engagement.goals.length === 0 ? (
              <Text c="dimmed" size="sm">
                No goals recorded.
              </Text>
            ) : (
              <List size="sm" spacing={6}>
                {engagement.goals.map((goal) => (
                  <List.Item key={goal}>{goal}</List.Item>
                ))}
              </List>
            )}
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Panel
            title="Recent interactions"
            actions={
              <Anchor component={Link} to={interactionsListPath(orgId, { engagementId: engagement.id })} size="sm">
                See all
              </Anchor>
            }
          >
            {overview.recentInteractions.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nothing logged yet.
              </Text>
            ) : (
              <InteractionTimeline
                orgId={orgId}
                interactions={overview.recentInteractions.slice(0, 8)}
                nameOf={nameOf}
              />
            )}
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Panel title="Open next steps">
              <OpenNextSteps orgId={orgId} steps={overview.openNextSteps} />
            </Panel>
            <Panel title="Principles used">
              <PrinciplesUsed overview={overview} />
            </Panel>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Panel title="Stage plans">
            <StagePlans orgId={orgId} overview={overview} canEdit={canEdit} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Panel title="Signals">
            <EngagementSignals orgId={orgId} engagementId={engagement.id} canAcknowledge={canEdit} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={12}>
          <Panel title="Plan versus actual">
            <PlanVersusActual orgId={orgId} engagementId={engagement.id} nameOf={(id) => nameOf(id) ?? id} />
          </Panel>
        </Grid.Col>
        <Grid.Col span={12}>
          <Panel title="History">
            <EngagementHistory orgId={orgId} engagementId={engagement.id} myUserId={myUserId} model={model} />
          </Panel>
        </Grid.Col>
      </Grid>
      <OutcomeTrajectories orgId={orgId} engagementId={engagement.id} />
    </Stack>
  );
}
