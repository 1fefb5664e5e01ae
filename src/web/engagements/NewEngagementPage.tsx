import { Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { EngagementInput } from '../../domain/support/schemas.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { localDate } from '../interactions/interaction-form.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { commonModel } from './common-model.ts';
import { useEngagementChoices } from './engagement-form-data.ts';
import { modelChoice, newEngagementForm } from './engagement-form.ts';
import { useEngagements, useSaveEngagement } from './engagement-hooks.ts';
import { engagementPath, partnerPath } from './engagement-paths.ts';
import { EngagementForm } from './EngagementForm.tsx';

/** Starts a support relationship; opened from the engagements list or from a partner (`?partnerId=`). */
export default function NewEngagementPage() {
  const organization = useOrganization();
  const session = useSignedInSession();
  const [search] = useSearchParams();
  const partnerId = search.get('partnerId') ?? '';
  const choices = useEngagementChoices(organization.id);
  const engagements = useEngagements(organization.id);
  const save = useSaveEngagement(organization.id);
  const navigate = useNavigate();
  usePageTitle('New engagement', organization.name);

  // New engagements use the model version most engagements use, else the newest version of the first model.
  const defaultModel = useMemo(() => {
    const common = commonModel(engagements.data ?? []);
    if (common) return modelChoice(common.modelId, common.modelVersion);
    const first = choices.models[0];
    return first ? modelChoice(first.id, first.version) : '';
  }, [engagements.data, choices.models]);

  if (choices.pending || engagements.isPending) return <LoadingPage />;
  if (choices.failed)
    return <LoadErrorPage error={choices.failed.error} onRetry={() => void choices.failed?.refetch()} />;
  const backTo = partnerId ? partnerPath(organization.id, partnerId) : organizationPath(organization.id, 'engagements');
  const me = choices.people.some((person) => person.userId === session.user.id) ? [session.user.id] : [];

  const create = async (input: EngagementInput): Promise<boolean> => {
    const created = await save.mutateAsync({ input });
    notifyDone(`${created.name} created.`);
    void navigate(engagementPath(organization.id, created.id));
    return true;
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="New engagement"
        description="A support relationship between a support team and a partner, on one version of a practice model."
      />
      <EngagementForm
        orgId={organization.id}
        initialValues={newEngagementForm({
          partnerId,
          model: defaultModel,
          startDate: localDate(new Date()),
          supportTeam: me,
        })}
        partners={choices.partners}
        people={choices.people}
        models={choices.models}
        submitLabel="Create engagement"
        onSave={create}
        onCancel={() => void navigate(backTo)}
      />
    </Stack>
  );
}
