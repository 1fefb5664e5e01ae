import { Anchor, Breadcrumbs, Button, Paper, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { StagePlan, StagePlanInput } from '../../domain/plans/schemas.ts';
import type { EngagementOverview } from '../../domain/support/views.ts';
import { deleteStagePlan, fetchStagePlan, saveStagePlan } from '../api/plans.ts';
import { useEngagementOverview } from '../engagements/engagement-hooks.ts';
import { engagementPath } from '../engagements/engagement-paths.ts';
import { modelNames } from '../engagements/model-names.ts';
import { canEditRecords } from '../engagements/record-permissions.ts';
import { HistoryList } from '../history/HistoryList.tsx';
import { StaleVersionPanel } from '../history/StaleVersionPanel.tsx';
import { useVersionedEdit } from '../history/useVersionedEdit.ts';
import { versionDiff } from '../history/version-diff.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { usePeople } from '../people/usePeople.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { formFromPlan, newPlanForm } from './plan-form.ts';
import { useRefreshAfterPlanWrite, useStagePlanHistory, useStagePlans } from './plan-hooks.ts';
import { StagePlanForm } from './StagePlanForm.tsx';

const comparedFields = ['goals', 'emphasis', 'activities'] as const;

/** The plan of one stage of an engagement: written, edited, deleted, with its history. */
export default function StagePlanPage() {
  const organization = useOrganization();
  const { engagementId = '', stageId = '' } = useParams();
  const overview = useEngagementOverview(organization.id, engagementId);
  const plans = useStagePlans(organization.id, engagementId);
  const stageName = overview.data ? (modelNames(overview.data.model)(stageId) ?? stageId) : '';
  usePageTitle(stageName ? `Plan: ${stageName}` : 'Stage plan', organization.name);

  if (overview.isPending || plans.isPending) return <LoadingPage />;
  if (overview.isError) return <LoadErrorPage error={overview.error} onRetry={() => void overview.refetch()} />;
  if (plans.isError) return <LoadErrorPage error={plans.error} onRetry={() => void plans.refetch()} />;
  const plan = plans.data.find((p) => p.stageId === stageId);
  return (
    <StagePlanView
      key={plan?.id ?? 'new'}
      orgId={organization.id}
      canEdit={canEditRecords(organization.role)}
      overview={overview.data}
      stageId={stageId}
      stageName={stageName}
      plan={plan ?? null}
    />
  );
}

interface ViewProps {
  orgId: string;
  canEdit: boolean;
  overview: EngagementOverview;
  stageId: string;
  stageName: string;
  plan: StagePlan | null;
}

function StagePlanView({ orgId, canEdit, overview, stageId, stageName, plan }: ViewProps) {
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { people, personName } = usePeople(orgId);
  const { engagement, model } = overview;
  const page = engagementPath(orgId, engagement.id);
  const refresh = useRefreshAfterPlanWrite(orgId, engagement.id);
  const stage = model.stages.find((s) => s.id === stageId);
  const team = (people.data ?? []).filter(
    (p) => engagement.supportTeam.includes(p.userId) || p.userId === session.user.id,
  );

  return (
    <Stack gap="md">
      <Breadcrumbs styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }} fz="sm">
        <Anchor component={Link} to={page}>
          {engagement.name}
        </Anchor>
      </Breadcrumbs>
      {plan ? (
        <EditPlan
          orgId={orgId}
          plan={plan}
          canEdit={canEdit}
          overview={overview}
          stageName={stageName}
          people={team.length > 0 ? team : (people.data ?? [])}
          onSaved={async () => {
            await refresh();
            void navigate(page);
          }}
        />
      ) : (
        <>
          <PageHeader
            title={`Plan the stage ${stageName}`}
            description={stage ? 'This stage has no plan yet.' : 'This stage is not in the engagement’s model.'}
          />
          {canEdit && stage && (
            <StagePlanForm
              engagementId={engagement.id}
              stageId={stageId}
              model={model}
              people={team.length > 0 ? team : (people.data ?? [])}
              myUserId={session.user.id}
              initialValues={newPlanForm(stage.emphasizes)}
              submitLabel="Save plan"
              onSave={async (input) => {
                await saveStagePlan(orgId, input);
                notifyDone(`The plan of ${stageName} is saved.`);
                await refresh();
                void navigate(page);
                return true;
              }}
              onCancel={() => void navigate(page)}
            />
          )}
        </>
      )}
      {plan && <PlanHistory orgId={orgId} plan={plan} nameOf={(id) => modelNames(model)(id) ?? personName(id)} />}
    </Stack>
  );
}

function EditPlan({
  orgId,
  plan,
  canEdit,
  overview,
  stageName,
  people,
  onSaved,
}: {
  orgId: string;
  plan: StagePlan;
  canEdit: boolean;
  overview: EngagementOverview;
  stageName: string;
  people: { userId: string; name: string }[];
  onSaved: () => Promise<void>;
}) {
  const session = useSignedInSession();
  const navigate = useNavigate();
  const { personName } = usePeople(orgId);
  const [confirming, { open: confirm, close: cancel }] = useDisclosure(false);
  const edit = useVersionedEdit<StagePlanInput, StagePlan>(plan, {
    update: (input, version) => saveStagePlan(orgId, input, { id: plan.id, version }),
    fetchCurrent: () => fetchStagePlan(orgId, plan.id),
    onSaved: async () => {
      notifyDone(`The plan of ${stageName} is saved.`);
      await onSaved();
    },
  });
  const initialValues = useMemo(() => formFromPlan(edit.base), [edit.base]);
  const nameOf = (id: string) => modelNames(overview.model)(id) ?? personName(id);
  const page = engagementPath(orgId, overview.engagement.id);

  const remove = async () => {
    try {
      await deleteStagePlan(orgId, plan.id, edit.base.version);
      cancel();
      notifyDone(`The plan of ${stageName} is deleted; its history is kept.`);
      await onSaved();
    } catch (error) {
      notifyFailure('Could not delete the plan', error);
    }
  };

  return (
    <>
      <PageHeader
        title={`Plan of the stage ${stageName}`}
        description={`Editing version ${edit.base.version}`}
        actions={
          canEdit && (
            <Button variant="default" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={confirm}>
              Delete plan
            </Button>
          )
        }
      />
      <StaleVersionPanel
        recordLabel="plan"
        edit={edit}
        compare={(yours, current) => versionDiff(yours, current, comparedFields, nameOf)}
      />
      {canEdit && (
        <StagePlanForm
          key={edit.formKey}
          engagementId={plan.engagementId}
          stageId={plan.stageId}
          model={overview.model}
          people={people}
          myUserId={session.user.id}
          initialValues={initialValues}
          submitLabel="Save changes"
          onSave={edit.save}
          onCancel={() => void navigate(page)}
        />
      )}
      <ConfirmDialog
        opened={confirming}
        title="Delete this plan?"
        confirmLabel="Delete"
        pending={false}
        onConfirm={() => void remove()}
        onCancel={cancel}
      >
        The plan stops counting in plan versus actual and signals. It is kept with its history.
      </ConfirmDialog>
    </>
  );
}

function PlanHistory({
  orgId,
  plan,
  nameOf,
}: {
  orgId: string;
  plan: StagePlan;
  nameOf: (id: string) => string | undefined;
}) {
  const session = useSignedInSession();
  const history = useStagePlanHistory(orgId, plan.id);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="History of the plan">
      <Title order={2} fz="md" mb="sm">
        History
      </Title>
      {history.isPending ? (
        <LoadingPage />
      ) : history.isError ? (
        <LoadErrorPage error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <HistoryList entries={history.data} myUserId={session.user.id} nameOf={nameOf} />
      )}
    </Paper>
  );
}
