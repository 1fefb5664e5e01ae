import { Button } from '@mantine/core';
import { IconBook2, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { EmptyPanel } from '../layout/EmptyPanel.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { canAdminister } from '../organizations/permissions.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { newModelPath } from './model-paths.ts';
import { PracticeModelList } from './PracticeModelList.tsx';
import { usePracticeModels } from './usePracticeModels.ts';

/** The practice models available to the organization. */
export function PracticeModelsPage() {
  const organization = useOrganization();
  usePageTitle('Practice models', organization.name);
  const models = usePracticeModels(organization.id);

  let content: ReactNode;
  if (models.isPending) content = <LoadingPage />;
  else if (models.isError) content = <LoadErrorPage error={models.error} onRetry={() => void models.refetch()} />;
  else if (models.data.length === 0)
    content = (
      <EmptyPanel
        icon={<IconBook2 size={32} aria-hidden />}
        title="No practice models yet"
        description="No practice model has been published for this organization yet."
      />
    );
  else content = <PracticeModelList orgId={organization.id} models={models.data} />;

  return (
    <>
      <PageHeader
        title="Practice models"
        description="A practice model names the components, principles and outcomes that support is planned, recorded and studied with. Every record keeps the model version it was recorded under."
        actions={
          canAdminister(organization.role) && (
            <Button
              component={Link}
              to={newModelPath(organization.id)}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              New model
            </Button>
          )
        }
      />
      {content}
    </>
  );
}
