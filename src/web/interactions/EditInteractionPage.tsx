import { Anchor, Breadcrumbs, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Interaction, InteractionInput } from '../../domain/support/schemas.ts';
import type { ModelVocabulary } from '../api/support.ts';
import { fetchInteraction } from '../api/support.ts';
import { useEngagements, useModelVocabulary } from '../engagements/engagement-hooks.ts';
import { interactionPath } from '../engagements/engagement-paths.ts';
import { modelNames } from '../engagements/model-names.ts';
import { formatDate } from '../format.ts';
import { StaleVersionPanel } from '../history/StaleVersionPanel.tsx';
import { useVersionedEdit } from '../history/useVersionedEdit.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useContacts } from '../partners/partner-hooks.ts';
import { queryKeys } from '../query-keys.ts';
import { clearDraft, draftKey } from './interaction-draft.ts';
import { interactionDiff } from './interaction-diff.ts';
import { formFromInteraction } from './interaction-form.ts';
import { useInteraction, useUpdateInteraction } from './interaction-hooks.ts';
import { LogInteractionForm } from './LogInteractionForm.tsx';

/** Editing a logged interaction, with the version it was based on; a stale save shows both versions. */
export default function EditInteractionPage() {
  const organization = useOrganization();
  const { interactionId = '' } = useParams();
  const interaction = useInteraction(organization.id, interactionId);
  const model = useModelVocabulary(organization.id, interaction.data);
  usePageTitle('Edit interaction', organization.name);

  if (interaction.isPending || model.isPending) return <LoadingPage />;
  if (interaction.isError)
    return <LoadErrorPage error={interaction.error} onRetry={() => void interaction.refetch()} />;
  if (model.isError) return <LoadErrorPage error={model.error} onRetry={() => void model.refetch()} />;
  return <EditInteraction orgId={organization.id} loaded={interaction.data} model={model.data} />;
}

function EditInteraction({ orgId, loaded, model }: { orgId: string; loaded: Interaction; model: ModelVocabulary }) {
  const update = useUpdateInteraction(orgId, loaded.id);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const engagements = useEngagements(orgId);
  const engagement = engagements.data?.find((candidate) => candidate.id === loaded.engagementId);
  const contacts = useContacts(orgId, engagement?.partnerId);
  const key = draftKey({ orgId, interactionId: loaded.id });
  const nameOf = modelNames(model);
  const edit = useVersionedEdit<InteractionInput, Interaction>(loaded, {
    update: (input, version) => update.mutateAsync({ input, version }),
    fetchCurrent: () => fetchInteraction(orgId, loaded.id),
    onSaved: async () => {
      clearDraft(window.localStorage, key);
      await queryClient.invalidateQueries({ queryKey: queryKeys.interaction(orgId, loaded.id) });
      notifyDone('Interaction saved.');
      void navigate(interactionPath(orgId, loaded.id));
    },
    onDropped: () => clearDraft(window.localStorage, key),
  });
  const { base } = edit;
  const initialValues = useMemo(() => formFromInteraction(base), [base]);

  return (
    <Stack gap="md">
      <Breadcrumbs styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }} fz="sm">
        <Anchor component={Link} to={interactionPath(orgId, loaded.id)}>
          Interaction of {formatDate(loaded.date)}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title="Edit interaction"
        description={`${engagement?.name ?? ''} · editing version ${base.version}`}
      />
      <StaleVersionPanel
        recordLabel="interaction"
        edit={edit}
        compare={(yours, current) => interactionDiff(yours, current, nameOf)}
      />
      <LogInteractionForm
        key={edit.formKey}
        engagementId={base.engagementId}
        model={model}
        contacts={contacts.data ?? []}
        initialValues={initialValues}
        draftKey={key}
        baseVersion={base.version}
        submitLabel="Save changes"
        onSave={edit.save}
      />
    </Stack>
  );
}
