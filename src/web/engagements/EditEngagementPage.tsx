import { Anchor, Breadcrumbs, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Engagement, EngagementInput } from '../../domain/support/schemas.ts';
import { fetchEngagement } from '../api/support.ts';
import { StaleVersionPanel } from '../history/StaleVersionPanel.tsx';
import { useVersionedEdit } from '../history/useVersionedEdit.ts';
import { versionDiff } from '../history/version-diff.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useEngagementChoices } from './engagement-form-data.ts';
import { formFromEngagement } from './engagement-form.ts';
import { useEngagement, useSaveEngagement } from './engagement-hooks.ts';
import { engagementPath } from './engagement-paths.ts';
import { EngagementForm } from './EngagementForm.tsx';

const comparedFields = [
  'name',
  'partnerId',
  'supportTeam',
  'startDate',
  'endDate',
  'modelId',
  'modelVersion',
  'stages',
  'goals',
] as const;

/** Editing an engagement from the version it was loaded at; a stale save shows both versions. */
export default function EditEngagementPage() {
  const organization = useOrganization();
  const { engagementId = '' } = useParams();
  const engagement = useEngagement(organization.id, engagementId);
  const choices = useEngagementChoices(organization.id);
  usePageTitle('Edit engagement', organization.name);

  if (engagement.isPending || choices.pending) return <LoadingPage />;
  if (engagement.isError) return <LoadErrorPage error={engagement.error} onRetry={() => void engagement.refetch()} />;
  if (choices.failed)
    return <LoadErrorPage error={choices.failed.error} onRetry={() => void choices.failed?.refetch()} />;
  return <EditEngagement orgId={organization.id} loaded={engagement.data} choices={choices} />;
}

function EditEngagement({
  orgId,
  loaded,
  choices,
}: {
  orgId: string;
  loaded: Engagement;
  choices: ReturnType<typeof useEngagementChoices>;
}) {
  const navigate = useNavigate();
  const save = useSaveEngagement(orgId);
  const page = engagementPath(orgId, loaded.id);
  const edit = useVersionedEdit<EngagementInput, Engagement>(loaded, {
    update: (input, version) => save.mutateAsync({ input, existing: { id: loaded.id, version } }),
    fetchCurrent: () => fetchEngagement(orgId, loaded.id),
    onSaved: (saved) => {
      notifyDone(`${saved.name} saved.`);
      void navigate(page);
    },
  });
  const initialValues = useMemo(() => formFromEngagement(edit.base), [edit.base]);
  const nameOf = (id: string) =>
    choices.people.find((person) => person.userId === id)?.name ??
    choices.partners.find((partner) => partner.id === id)?.name;

  return (
    <Stack gap="md">
      <Breadcrumbs styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }} fz="sm">
        <Anchor component={Link} to={page}>
          {loaded.name}
        </Anchor>
      </Breadcrumbs>
      <PageHeader title="Edit engagement" description={`Editing version ${edit.base.version}`} />
      <StaleVersionPanel
        recordLabel="engagement"
        edit={edit}
        compare={(yours, current) => versionDiff(yours, current, comparedFields, nameOf)}
      />
      <EngagementForm
        key={edit.formKey}
        orgId={orgId}
        initialValues={initialValues}
        partners={choices.partners}
        people={choices.people}
        models={choices.models}
        submitLabel="Save changes"
        onSave={edit.save}
        onCancel={() => void navigate(page)}
      />
    </Stack>
  );
}
