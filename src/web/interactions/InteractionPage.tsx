import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHistory, IconListDetails, IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useEngagements, useModelVocabulary } from '../engagements/engagement-hooks.ts';
import { engagementPath, interactionPath } from '../engagements/engagement-paths.ts';
import { modelNames } from '../engagements/model-names.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { formatDate } from '../format.ts';
import { HistoryList } from '../history/HistoryList.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useContacts } from '../partners/partner-hooks.ts';
import { usePeople } from '../people/usePeople.ts';
import { useSignedInSession } from '../session/useSession.ts';
import {
  useDeleteInteraction,
  useInteraction,
  useInteractionHistory,
  useRestoreInteraction,
} from './interaction-hooks.ts';
import { InteractionDetails } from './InteractionDetails.tsx';

/** One interaction: what was recorded, who changed it and how, and the actions to edit, delete or restore it. */
export default function InteractionPage() {
  const organization = useOrganization();
  const session = useSignedInSession();
  const { interactionId = '' } = useParams();
  const interaction = useInteraction(organization.id, interactionId);
  const history = useInteractionHistory(organization.id, interactionId);
  const engagements = useEngagements(organization.id);
  const engagement = engagements.data?.find((candidate) => candidate.id === interaction.data?.engagementId);
  const model = useModelVocabulary(organization.id, interaction.data);
  const contacts = useContacts(organization.id, engagement?.partnerId);
  const { personName } = usePeople(organization.id);
  const remove = useDeleteInteraction(organization.id, interactionId);
  const restore = useRestoreInteraction(organization.id, interactionId);
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const canEdit = canEditRecords(organization.role);
  usePageTitle(
    interaction.data ? `Interaction of ${formatDate(interaction.data.date)}` : 'Interaction',
    organization.name,
  );

  if (interaction.isPending) return <LoadingPage />;
  if (interaction.isError)
    return <LoadErrorPage error={interaction.error} onRetry={() => void interaction.refetch()} />;
  const record = interaction.data;
  const deleted = record.deletedAt !== null;
  const nameOf = model.data ? modelNames(model.data) : undefined;
  const contactName = (id: string) => contacts.data?.find((contact) => contact.id === id)?.name;

  const onDelete = () =>
    remove.mutate(record.version, {
      onSuccess: () => {
        cancel();
        notifyDone('Interaction deleted. You can restore it from this page.');
      },
      onError: (error) => notifyFailure('Could not delete the interaction', error),
    });
  const onRestore = () =>
    restore.mutate(undefined, {
      onSuccess: () => notifyDone('Interaction restored.'),
      onError: (error) => notifyFailure('Could not restore the interaction', error),
    });

  return (
    <Stack gap="md">
      <Breadcrumbs styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }} fz="sm">
        <Anchor component={Link} to={organizationPath(organization.id, 'interactions')}>
          Interactions
        </Anchor>
        {engagement && (
          <Anchor component={Link} to={engagementPath(organization.id, engagement.id)}>
            {engagement.name}
          </Anchor>
        )}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4}>
          <Text component="h1" fz={{ base: 24, sm: 30 }} fw={700} m={0}>
            Interaction of {formatDate(record.date)}
          </Text>
          <Group gap="xs">
            <Badge variant="light" color="gray" tt="none">
              version {record.version}
            </Badge>
            <Text size="sm" c="dimmed">
              logged by {record.loggedBy === session.user.id ? 'you' : (personName(record.loggedBy) ?? 'a colleague')} ·{' '}
              {record.modelId} {record.modelVersion}
            </Text>
          </Group>
        </Stack>
        {canEdit && (
          <Group gap="sm">
            {deleted ? (
              <Button
                leftSection={<IconRestore size={18} aria-hidden />}
                onClick={onRestore}
                loading={restore.isPending}
              >
                Restore
              </Button>
            ) : (
              <>
                <Button
                  variant="default"
                  color="red"
                  leftSection={<IconTrash size={18} aria-hidden />}
                  onClick={confirm}
                >
                  Delete
                </Button>
                <Button
                  component={Link}
                  to={interactionPath(organization.id, record.id, 'edit')}
                  leftSection={<IconPencil size={18} aria-hidden />}
                >
                  Edit
                </Button>
                {(organization.role === 'lead' || organization.role === 'admin') && (
                  <Button variant="default" component={Link} to={interactionPath(organization.id, record.id, 'review')}>
                    Review practice
                  </Button>
                )}
              </>
            )}
          </Group>
        )}
      </Group>
      {deleted && (
        <Alert color="red" title="Deleted">
          This interaction was deleted on {formatDate(record.deletedAt)}. It no longer counts in dose and charts;
          restore it to count it again.
        </Alert>
      )}
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconListDetails size={16} aria-hidden />}>
            Details
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            History{history.data ? ` (${history.data.length})` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <InteractionDetails interaction={record} model={model.data} contacts={contacts.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          {history.isPending ? (
            <LoadingPage />
          ) : history.isError ? (
            <LoadErrorPage error={history.error} onRetry={() => void history.refetch()} />
          ) : (
            <HistoryList
              entries={history.data}
              myUserId={session.user.id}
              nameOf={(id) => nameOf?.(id) ?? contactName(id)}
            />
          )}
        </Tabs.Panel>
      </Tabs>
      <ConfirmDialog
        opened={confirming}
        title="Delete this interaction?"
        confirmLabel="Delete"
        pending={remove.isPending}
        onConfirm={onDelete}
        onCancel={cancel}
      >
        It stops counting in the engagement&apos;s dose and charts. The record and its history are kept, and it can be
        restored.
      </ConfirmDialog>
    </Stack>
  );
}
