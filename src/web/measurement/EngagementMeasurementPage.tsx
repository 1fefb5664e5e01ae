import { Anchor, Badge, Breadcrumbs, Button, Collapse, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Wave } from '../../domain/measurement/schemas.ts';
import { errorMessageOf } from '../api/client.ts';
import { useEngagement } from '../engagements/engagement-hooks.ts';
import { engagementPath } from '../engagements/engagement-paths.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { formatDate } from '../format.ts';
import { HistoryList } from '../history/HistoryList.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { EmptyPanel } from '../layout/EmptyPanel.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { notify, notifyDone, notifyFailure } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { useDeleteWave, useRestoreWave, useWaveHistory, useWaves } from './measurement-hooks.ts';
import { instrumentPath } from './measurement-paths.ts';
import { OutcomeTrajectories } from './OutcomeTrajectories.tsx';
import { SurveyLinks } from './SurveyLinks.tsx';
import { WaveEmail } from '../email/WaveEmail.tsx';
import { WaveForm } from './WaveForm.tsx';

const kindColors: Record<Wave['kind'], string> = { baseline: 'indigo', 'follow-up': 'cyan', 'ad-hoc': 'gray' };

/** Measurement of one engagement: plan waves, send survey links, follow response progress and outcomes. */
export default function EngagementMeasurementPage() {
  const organization = useOrganization();
  const { engagementId = '' } = useParams();
  const engagement = useEngagement(organization.id, engagementId);
  const waves = useWaves(organization.id, engagementId);
  const canManage = canEditRecords(organization.role);
  const [editing, setEditing] = useState<Wave | 'new' | null>(null);
  usePageTitle('Measurement', engagement.data?.name, organization.name);

  if (engagement.isPending || waves.isPending) return <LoadingPage />;
  if (engagement.isError) return <LoadErrorPage error={engagement.error} onRetry={() => void engagement.refetch()} />;
  if (waves.isError) return <LoadErrorPage error={waves.error} onRetry={() => void waves.refetch()} />;

  return (
    <Stack gap="lg">
      <div>
        <Breadcrumbs styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }} mb="xs" fz="sm">
          <Anchor component={Link} to={organizationPath(organization.id, 'engagements')}>
            Engagements
          </Anchor>
          <Anchor component={Link} to={engagementPath(organization.id, engagementId)}>
            {engagement.data.name}
          </Anchor>
          <Text fz="sm">Measurement</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1} fz={{ base: 24, sm: 30 }}>
              Measurement waves
            </Title>
            <Text c="dimmed">
              Plan the baseline and follow-ups, send survey links to partners and follow who has answered.
            </Text>
          </Stack>
          {canManage && (
            <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
              Plan a wave
            </Button>
          )}
        </Group>
      </div>

      {waves.data.length === 0 ? (
        <EmptyPanel
          icon={<IconCalendarPlus size={28} aria-hidden />}
          title="No waves yet"
          description="A wave is one measurement occasion: a baseline, a follow-up or an ad-hoc survey."
        />
      ) : (
        waves.data.map((wave) => (
          <WaveCard
            key={wave.id}
            orgId={organization.id}
            wave={wave}
            canManage={canManage}
            onEdit={() => setEditing(wave)}
          />
        ))
      )}

      <OutcomeTrajectories orgId={organization.id} engagementId={engagementId} />

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Plan a wave' : 'Edit wave'}
        size="lg"
      >
        {editing !== null && (
          <WaveForm
            orgId={organization.id}
            engagementId={engagementId}
            wave={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function WaveCard({
  orgId,
  wave,
  canManage,
  onEdit,
}: {
  orgId: string;
  wave: Wave;
  canManage: boolean;
  onEdit: () => void;
}) {
  const remove = useDeleteWave(orgId);
  const restore = useRestoreWave(orgId);
  const [confirming, setConfirming] = useState(false);
  const undo = () =>
    restore.mutate(wave.id, {
      onSuccess: () => notifyDone(`Restored ${wave.name}`),
      onError: (e) => notifyFailure('Could not restore the wave', e),
    });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Wave ${wave.name}`}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} fz="lg">
              {wave.name}
            </Title>
            <Badge color={kindColors[wave.kind]} variant="light">
              {wave.kind}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {wave.scheduledOn ? `Scheduled ${formatDate(wave.scheduledOn)}` : 'Ad hoc'} · levels:{' '}
            {wave.levels.join(', ')} · instruments:{' '}
            {wave.instruments.map((ref, i) => (
              <span key={ref.instrumentId}>
                {i > 0 && ', '}
                <Anchor component={Link} to={instrumentPath(orgId, ref.instrumentId, ref.version)} size="sm">
                  {ref.instrumentId} {ref.version}
                </Anchor>
              </span>
            ))}
          </Text>
        </Stack>
        {canManage && (
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={onEdit}>
              Edit
            </Button>
            <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming(true)}>
              Delete
            </Button>
          </Group>
        )}
      </Group>
      <SurveyLinks orgId={orgId} wave={wave} canManage={canManage} />
      <WaveEmail orgId={orgId} wave={wave} canManage={canManage} />
      <WaveHistory orgId={orgId} waveId={wave.id} />
      <ConfirmDialog
        opened={confirming}
        title={`Delete ${wave.name}?`}
        confirmLabel="Delete wave"
        pending={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(
            { id: wave.id, version: wave.version },
            {
              onSuccess: () => {
                setConfirming(false);
                notifyDeleted(wave.name, undo);
              },
              onError: (e) => notifyFailure('Could not delete the wave', e),
            },
          )
        }
      >
        Its survey links stop working and its scores leave the trajectories. Answers are kept, and the wave can be
        restored.
      </ConfirmDialog>
    </Paper>
  );
}

/** Who planned and changed the wave, and what they changed; loaded when opened. */
function WaveHistory({ orgId, waveId }: { orgId: string; waveId: string }) {
  const [opened, setOpened] = useState(false);
  const session = useSignedInSession();
  const history = useWaveHistory(orgId, waveId, opened);
  return (
    <Stack gap="xs" mt="sm">
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => setOpened((o) => !o)}
        aria-expanded={opened}
        w="fit-content"
      >
        {opened ? 'Hide history' : 'Show history'}
      </Anchor>
      <Collapse expanded={opened}>
        {history.isPending ? null : history.isError ? (
          <Text size="sm" c="red">
            {errorMessageOf(history.error)}
          </Text>
        ) : (
          <HistoryList entries={history.data} myUserId={session.user.id} />
        )}
      </Collapse>
    </Stack>
  );
}

/** Confirms a deletion with a way back. */
function notifyDeleted(name: string, undo: () => void) {
  notify({
    color: 'teal',
    message: (
      <Group gap="xs">
        <Text size="sm">Deleted {name}.</Text>
        <Button size="compact-xs" variant="light" onClick={undo}>
          Restore
        </Button>
      </Group>
    ),
  });
}
