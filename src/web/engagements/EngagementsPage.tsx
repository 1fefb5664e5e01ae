import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch, IconTimeline } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { EmptyPanel } from '../layout/EmptyPanel.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { usePartners } from '../partners/partner-hooks.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { useEngagements } from './engagement-hooks.ts';
import { engagementPath } from './engagement-paths.ts';
import { sentenceCase } from './model-names.ts';
import { canEditRecords } from './record-permissions.ts';

const stageLabel = (stageId: string | undefined): string =>
  stageId ? sentenceCase(stageId.replace(/-/g, ' ')) : 'No stage yet';

/** Every support relationship of the organization, yours first. */
export default function EngagementsPage() {
  const organization = useOrganization();
  const session = useSignedInSession();
  usePageTitle('Engagements', organization.name);
  const engagements = useEngagements(organization.id);
  const partners = usePartners(organization.id);
  const [search, setSearch] = useState('');

  const partnerName = useMemo(
    () => new Map((partners.data ?? []).map((partner) => [partner.id, partner.name])),
    [partners.data],
  );
  const shown = useMemo(() => {
    const term = search.trim().toLowerCase();
    return (engagements.data ?? [])
      .filter(
        (engagement) =>
          !term ||
          engagement.name.toLowerCase().includes(term) ||
          (partnerName.get(engagement.partnerId) ?? '').toLowerCase().includes(term),
      )
      .sort(
        (a, b) =>
          Number(b.supportTeam.includes(session.user.id)) - Number(a.supportTeam.includes(session.user.id)) ||
          a.name.localeCompare(b.name),
      );
  }, [engagements.data, partnerName, search, session.user.id]);

  if (engagements.isPending) return <LoadingPage />;
  if (engagements.isError)
    return <LoadErrorPage error={engagements.error} onRetry={() => void engagements.refetch()} />;

  return (
    <>
      <PageHeader
        title="Engagements"
        description="Support relationships between a support team and a partner. Open one to see its dose, component mix and next steps, or to log an interaction."
        actions={
          canEditRecords(organization.role) && (
            <Button
              component={Link}
              to={organizationPath(organization.id, 'engagements/new')}
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              New engagement
            </Button>
          )
        }
      />
      <TextInput
        mb="md"
        maw={360}
        leftSection={<IconSearch size={16} aria-hidden />}
        aria-label="Search engagements"
        placeholder="Search by engagement or partner"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {shown.length === 0 ? (
        <EmptyPanel
          icon={<IconTimeline size={32} aria-hidden />}
          title="No engagements"
          description={search ? 'None match your search.' : 'Start one with New engagement, or from a partner’s page.'}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {shown.map((engagement) => {
            const stage = engagement.stages.at(-1);
            const mine = engagement.supportTeam.includes(session.user.id);
            return (
              <Card key={engagement.id} withBorder radius="md" padding="md">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Anchor component={Link} to={engagementPath(organization.id, engagement.id)} fw={600}>
                      {engagement.name}
                    </Anchor>
                    {mine && (
                      <Badge size="sm" variant="light" color="teal" style={{ flexShrink: 0 }}>
                        your team
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {partnerName.get(engagement.partnerId) ?? 'Partner'} · since {formatDate(engagement.startDate)}
                    {engagement.endDate ? ` until ${formatDate(engagement.endDate)}` : ''}
                  </Text>
                  <Group gap="xs">
                    <Badge variant="light" color="indigo" tt="none">
                      {stageLabel(stage?.stageId)}
                    </Badge>
                    <Badge variant="outline" color="gray" tt="none">
                      {engagement.modelId} {engagement.modelVersion}
                    </Badge>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
