import { Button, Center, Stack, Text } from '@mantine/core';
import { IconFileImport, IconMessageCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { commonModel } from '../engagements/common-model.ts';
import { useEngagements, useModelVocabulary } from '../engagements/engagement-hooks.ts';
import { modelNames } from '../engagements/model-names.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { EmptyPanel } from '../layout/EmptyPanel.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { ExportMenu } from '../imports/ExportMenu.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { usePartners } from '../partners/partner-hooks.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { filterFromSearch, searchWithFilter } from './interaction-filter.ts';
import { useInteractionList } from './interaction-hooks.ts';
import { InteractionFilters } from './InteractionFilters.tsx';
import { InteractionRow } from './InteractionRow.tsx';
import { LogInteractionButton } from './LogInteractionButton.tsx';

/** Every interaction of the organization, newest first, narrowed by filters kept in the URL. */
export default function InteractionsPage() {
  const organization = useOrganization();
  const session = useSignedInSession();
  usePageTitle('Interactions', organization.name);
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  const engagements = useEngagements(organization.id);
  const partners = usePartners(organization.id);
  const selectedEngagement = engagements.data?.find((engagement) => engagement.id === filter.engagementId);
  const model = useModelVocabulary(organization.id, selectedEngagement ?? commonModel(engagements.data ?? []));
  const list = useInteractionList(organization.id, filter);

  const nameOf = useMemo(() => (model.data ? modelNames(model.data) : () => undefined), [model.data]);
  const engagementName = useMemo(
    () => new Map((engagements.data ?? []).map((engagement) => [engagement.id, engagement.name])),
    [engagements.data],
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (list.isPending) content = <LoadingPage />;
  else if (list.isError) content = <LoadErrorPage error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    content = (
      <EmptyPanel
        icon={<IconMessageCircle size={32} aria-hidden />}
        title="No interactions"
        description="None match these filters."
      />
    );
  else
    content = (
      <>
        <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
          Showing {items.length}
          {list.hasNextPage ? ', more below' : ''}.
        </Text>
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Interactions">
          {items.map((interaction) => (
            <InteractionRow
              key={interaction.id}
              orgId={organization.id}
              interaction={interaction}
              engagementName={engagementName.get(interaction.engagementId) ?? ''}
              loggedByMe={interaction.loggedBy === session.user.id}
              nameOf={nameOf}
            />
          ))}
        </Stack>
        {list.hasNextPage && (
          <Center mt="md">
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          </Center>
        )}
      </>
    );

  return (
    <>
      <PageHeader
        title="Interactions"
        description="Support interactions as logged, newest first. Open one to see its details and every version of it."
        actions={
          <>
            <ExportMenu orgId={organization.id} />
            {canEditRecords(organization.role) && (
              <Button
                component={Link}
                to={organizationPath(organization.id, 'interactions/import')}
                variant="default"
                leftSection={<IconFileImport size={18} aria-hidden />}
              >
                Import
              </Button>
            )}
            {canEditRecords(organization.role) && (
              <LogInteractionButton orgId={organization.id} myUserId={session.user.id} />
            )}
          </>
        }
      />
      <InteractionFilters
        filter={filter}
        engagements={engagements.data ?? []}
        partners={partners.data ?? []}
        model={model.data}
        myUserId={session.user.id}
        onChange={(key, value) => setSearch(searchWithFilter(search, key, value), { replace: true })}
        onClear={() => setSearch(new URLSearchParams(), { replace: true })}
      />
      {content}
    </>
  );
}
