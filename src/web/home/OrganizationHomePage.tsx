import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBook2, IconInfoCircle, IconUserCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Home } from '../../domain/home/views.ts';
import { roleLabels } from '../../domain/roles.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LogInteractionButton } from '../interactions/LogInteractionButton.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { SectionCard } from '../layout/SectionCard.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { PartnerEngagementList } from '../partner-view/PartnerEngagementList.tsx';
import { DueNextSteps } from './DueNextSteps.tsx';
import { FeatureCard } from './FeatureCard.tsx';
import { HomeEngagements } from './HomeEngagements.tsx';
import { OverdueOwners } from './OverdueOwners.tsx';
import { DataFreshnessFigures, HypothesisStatuses } from './ResearchState.tsx';
import { SetupChecklist } from './SetupChecklist.tsx';
import { useHome } from './useHome.ts';
import { WavesDue } from './WavesDue.tsx';

/** An organization's front page: what is due and where things stand, for the person's role. */
export function OrganizationHomePage() {
  const organization = useOrganization();
  const { user } = useSignedInSession();
  usePageTitle(organization.name);
  const home = useHome(organization.id);

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={6} style={{ flex: '1 1 260px' }}>
          <Text c="dimmed" fz="sm">
            Welcome, {user.name}.
          </Text>
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {organization.name}
          </Title>
          <Group gap="xs">
            <Text fz="sm">Your role:</Text>
            <Badge variant="light" size="lg" tt="none">
              {roleLabels[organization.role]}
            </Badge>
          </Group>
        </Stack>
        {canEditRecords(organization.role) && <LogInteractionButton orgId={organization.id} myUserId={user.id} />}
      </Group>

      {home.isPending ? (
        <LoadingPage />
      ) : home.isError ? (
        <LoadErrorPage error={home.error} onRetry={() => void home.refetch()} />
      ) : (
        <HomeSections orgId={organization.id} home={home.data} />
      )}

      <Text size="sm">
        <Anchor component={Link} to={organizationPath(organization.id, 'about')} underline="always">
          About Praxis
        </Anchor>
        : what it is for, and the practice model it starts from.
      </Text>
    </Stack>
  );
}

function HomeSections({ orgId, home }: { orgId: string; home: Home }) {
  const own = home.role === 'practitioner';
  const setupOpen = home.setup?.some((step) => !step.done) ?? false;
  return (
    <>
      {home.setup && setupOpen && (
        <SectionCard title="Set up your organization">
          <SetupChecklist orgId={orgId} setup={home.setup} />
        </SectionCard>
      )}
      {home.nextSteps && (
        <SectionCard title={own ? 'My next steps due' : 'Next steps due'}>
          <DueNextSteps orgId={orgId} nextSteps={home.nextSteps} />
        </SectionCard>
      )}
      {home.engagements && (home.engagements.length > 0 || !setupOpen) && (
        <SectionCard title={own ? 'My engagements' : "The team's engagements"}>
          <HomeEngagements
            orgId={orgId}
            engagements={home.engagements}
            total={home.engagementsTotal ?? home.engagements.length}
            empty={
              own
                ? 'You are on the support team of no open engagement. A lead or administrator adds you to one.'
                : 'No engagement is open.'
            }
          />
        </SectionCard>
      )}
      {(home.overdueByOwner || home.wavesDue) && (
        <SimpleGrid cols={{ base: 1, md: home.overdueByOwner ? 2 : 1 }} spacing="lg">
          {home.overdueByOwner && (
            <SectionCard title="Whose next steps are overdue">
              <OverdueOwners owners={home.overdueByOwner} />
            </SectionCard>
          )}
          {home.wavesDue && (
            <SectionCard title="Survey waves due">
              <WavesDue orgId={orgId} waves={home.wavesDue} />
            </SectionCard>
          )}
        </SimpleGrid>
      )}
      {home.freshness && (
        <SectionCard title="Data freshness">
          <DataFreshnessFigures freshness={home.freshness} />
        </SectionCard>
      )}
      {home.hypotheses && (
        <SectionCard title="Hypotheses">
          <HypothesisStatuses orgId={orgId} hypotheses={home.hypotheses} />
        </SectionCard>
      )}
      {home.role === 'partner' && (
        <>
          <Alert icon={<IconInfoCircle size={18} aria-hidden />} title="Your support" variant="light">
            Your support team shares plans and progress with you here, and sends you survey links by email.
          </Alert>
          <PartnerEngagementList orgId={orgId} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="nav" aria-label="Go to">
            <FeatureCard
              to={organizationPath(orgId, 'models')}
              title="Practice model"
              description="The components and principles your support team works with."
              icon={<IconBook2 size={22} />}
            />
            <FeatureCard
              to="/profile"
              title="Your profile"
              description="Your display name and password."
              icon={<IconUserCircle size={22} />}
            />
          </SimpleGrid>
        </>
      )}
    </>
  );
}
