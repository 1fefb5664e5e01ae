import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { formatModel } from '../../model/format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { AdministratorsOnly } from '../organizations/AdministratorsOnly.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { canAdminister } from '../organizations/permissions.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { ModelEditor } from './ModelEditor.tsx';
import { modelPagePath } from './model-paths.ts';
import { successorDraft } from './model-versions.ts';
import { NEW_MODEL_TEMPLATE } from './new-model-template.ts';
import { usePracticeModel } from './usePracticeModel.ts';

const ADMINISTRATORS_ONLY = 'Only administrators of this organization can edit and publish practice models.';

/** A new version of an existing model, starting from its latest version with the version bumped. */
function NewVersionEditor({ orgId, orgName, modelId }: { orgId: string; orgName: string; modelId: string }) {
  const latest = usePracticeModel(orgId, modelId, undefined);
  // The draft keeps the version it started from, even when a refetch (after publishing) brings a newer one.
  const [base, setBase] = useState(latest.data);
  if (!base && latest.data) setBase(latest.data);
  const initialText = useMemo(() => (base ? formatModel(successorDraft(base), 'yaml') : ''), [base]);
  usePageTitle(base ? `Edit ${base.name}` : 'Edit model', orgName);
  if (latest.isError) return <LoadErrorPage error={latest.error} onRetry={() => void latest.refetch()} />;
  if (!base) return <LoadingPage />;
  return (
    <>
      <PageHeader
        title={`Edit ${base.name}`}
        description={`A new version starts from ${base.version}. Version ${base.version} and every earlier one stay as they are, and records keep the version they were logged under. When you rename or remove an id, map it under supersedes.idMap.`}
      />
      <ModelEditor
        orgId={orgId}
        initialText={initialText}
        backTo={modelPagePath(orgId, modelId)}
        publishLabel="Publish as new version"
      />
    </>
  );
}

/** The editor of model documents (administrators): a new version of a model, or a new model. */
export default function ModelEditorPage() {
  const organization = useOrganization();
  const { modelId } = useParams();
  if (!canAdminister(organization.role)) return <AdministratorsOnly message={ADMINISTRATORS_ONLY} />;
  if (modelId) return <NewVersionEditor orgId={organization.id} orgName={organization.name} modelId={modelId} />;
  return <NewModelEditor orgId={organization.id} orgName={organization.name} />;
}

function NewModelEditor({ orgId, orgName }: { orgId: string; orgName: string }) {
  usePageTitle('New practice model', orgName);
  return (
    <>
      <PageHeader
        title="New practice model"
        description="Start from this small example, or import a YAML or JSON file. Give the model its own id; a document with the id of an existing model is checked as that model's next version."
      />
      <ModelEditor
        orgId={orgId}
        initialText={NEW_MODEL_TEMPLATE}
        backTo={organizationPath(orgId, 'models')}
        publishLabel="Publish model"
      />
    </>
  );
}
