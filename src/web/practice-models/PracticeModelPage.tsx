import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { modelExportUrl } from '../api/practice-models.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { canAdminister } from '../organizations/permissions.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { ModelComponents } from './ModelComponents.tsx';
import { ModelDiagram } from './ModelDiagram.tsx';
import { modelEditorPath, modelPagePath } from './model-paths.ts';
import { ModelPrinciples } from './ModelPrinciples.tsx';
import { ModelStages } from './ModelStages.tsx';
import { ModelVersionPicker } from './ModelVersionPicker.tsx';
import { ProvenanceStatement } from './ProvenanceStatement.tsx';
import { usePracticeModel } from './usePracticeModel.ts';
import { usePracticeModels } from './usePracticeModels.ts';

function PageSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <div>
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {description && (
          <Text fz="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

/** One practice model at one version: provenance, diagram, stages, components and principles. */
export default function PracticeModelPage() {
  const organization = useOrganization();
  const { modelId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const requestedVersion = searchParams.get('version') ?? undefined;
  const summaries = usePracticeModels(organization.id);
  const document = usePracticeModel(organization.id, modelId, requestedVersion);
  const summary = summaries.data?.find((entry) => entry.id === modelId);
  const model = document.data;
  usePageTitle(model ? `${model.name} ${model.version}` : 'Practice model', organization.name);

  if (document.isError) return <LoadErrorPage error={document.error} onRetry={() => void document.refetch()} />;
  if (!model) return <LoadingPage />;

  const versionInfo = summary?.versions.find((entry) => entry.version === model.version);
  const admin = canAdminister(organization.role);

  return (
    <Stack gap="xl">
      <div>
        <PageHeader
          title={model.name}
          description={model.citation}
          actions={
            admin && (
              <Button
                component={Link}
                to={modelEditorPath(organization.id, model.id)}
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                Edit model
              </Button>
            )
          }
        />
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text>{model.description}</Text>
            <Group justify="space-between" align="flex-end" gap="sm">
              {summary ? (
                <ModelVersionPicker
                  versions={summary.versions}
                  latest={summary.version}
                  value={model.version}
                  onChange={(version) =>
                    void navigate(
                      modelPagePath(organization.id, model.id, version === summary.version ? undefined : version),
                    )
                  }
                />
              ) : (
                <Text fz="sm">Version {model.version}</Text>
              )}
              <Group gap="md">
                <Text fz="sm" c="dimmed">
                  Download:
                </Text>
                <Anchor href={modelExportUrl(organization.id, model.id, model.version, 'yaml')} download fz="sm">
                  <IconDownload size={14} aria-hidden /> YAML
                </Anchor>
                <Anchor href={modelExportUrl(organization.id, model.id, model.version, 'json')} download fz="sm">
                  <IconDownload size={14} aria-hidden /> JSON
                </Anchor>
              </Group>
            </Group>
            {model.supersedes && (
              <Text fz="sm" c="dimmed">
                Succeeds version {model.supersedes.version}
                {Object.keys(model.supersedes.idMap).length > 0 &&
                  `; maps ${Object.entries(model.supersedes.idMap)
                    .map(([from, to]) => `${from} → ${to ?? 'retired'}`)
                    .join(', ')}`}
                .
              </Text>
            )}
          </Stack>
        </Paper>
      </div>

      <ProvenanceStatement model={model} builtin={versionInfo?.builtin ?? false} />

      <ModelDiagram orgId={organization.id} modelId={model.id} version={model.version} name={model.name} />

      {model.stages.length > 0 && (
        <PageSection
          title="Stages"
          description="Support follows these stages in order; what each is expected to emphasize is a hypothesis the data can test."
        >
          <ModelStages model={model} />
        </PageSection>
      )}

      <PageSection
        title="Components"
        description="Open a component to see its definition, practice activities, mechanisms, targeted outcomes, stage emphasis and the outcomes it reaches."
      >
        <ModelComponents model={model} />
      </PageSection>

      {model.principles.length > 0 && (
        <PageSection title="Principles" description="How the components are used, and what shows that they are.">
          <ModelPrinciples model={model} />
        </PageSection>
      )}
    </Stack>
  );
}
