import { Anchor, Breadcrumbs } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { InteractionInput, InteractionMode } from '../../domain/support/schemas.ts';
import { InteractionMode as InteractionModeSchema } from '../../domain/support/schemas.ts';
import { engagementPath } from '../engagements/engagement-paths.ts';
import { useEngagementOverview } from '../engagements/engagement-hooks.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useContacts } from '../partners/partner-hooks.ts';
import { draftKey, lastMode, rememberMode } from './interaction-draft.ts';
import { newInteractionForm } from './interaction-form.ts';
import { useLogInteraction } from './interaction-hooks.ts';
import { LogInteractionForm } from './LogInteractionForm.tsx';

/** Logging a new interaction of one engagement, right after it happened. */
export default function LogInteractionPage() {
  const organization = useOrganization();
  const { engagementId = '' } = useParams();
  const overview = useEngagementOverview(organization.id, engagementId);
  const contacts = useContacts(organization.id, overview.data?.engagement.partnerId);
  const logInteraction = useLogInteraction(organization.id);
  const navigate = useNavigate();
  usePageTitle('Log interaction', overview.data?.engagement.name, organization.name);

  const currentStageId = overview.data?.currentStageId ?? null;
  const initialValues = useMemo(() => {
    const mode = InteractionModeSchema.safeParse(lastMode(window.localStorage));
    return newInteractionForm(currentStageId, new Date(), mode.success ? mode.data : null);
  }, [currentStageId]);

  if (overview.isPending) return <LoadingPage />;
  if (overview.isError) return <LoadErrorPage error={overview.error} onRetry={() => void overview.refetch()} />;
  const { engagement, partner, model } = overview.data;

  const save = async (input: InteractionInput): Promise<boolean> => {
    await logInteraction.mutateAsync(input);
    rememberMode(window.localStorage, input.mode satisfies InteractionMode);
    notifyDone('Interaction logged.');
    void navigate(engagementPath(organization.id, engagement.id));
    return true;
  };

  return (
    <>
      <Breadcrumbs
        styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }}
        mb="xs"
        fz="sm"
      >
        <Anchor component={Link} to={organizationPath(organization.id, 'engagements')}>
          Engagements
        </Anchor>
        <Anchor component={Link} to={engagementPath(organization.id, engagement.id)}>
          {engagement.name}
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title="Log interaction"
        description={`${partner?.name ?? 'Partner'} · ${model.name} ${model.version}`}
      />
      <LogInteractionForm
        engagementId={engagement.id}
        model={model}
        contacts={contacts.data ?? []}
        initialValues={initialValues}
        draftKey={draftKey({ orgId: organization.id, engagementId: engagement.id })}
        baseVersion={null}
        submitLabel="Save interaction"
        onSave={save}
      />
    </>
  );
}
