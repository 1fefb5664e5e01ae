import { Anchor, Group } from '@mantine/core';
import type { ModelSummary } from '../../domain/models.ts';
import { modelDiagramUrl, modelExportUrl } from '../api/practice-models.ts';

/** The diagram and the files of a model's latest version. */
export function PracticeModelLinks({ orgId, model }: { orgId: string; model: ModelSummary }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor
        href={modelDiagramUrl(orgId, model.id, model.version)}
        target="_blank"
        rel="noreferrer"
        fz="sm"
        aria-label={`Diagram of ${model.name} (opens in a new tab)`}
      >
        Diagram
      </Anchor>
      <Anchor
        href={modelExportUrl(orgId, model.id, model.version, 'json')}
        download
        fz="sm"
        aria-label={`Download ${model.name} as JSON`}
      >
        JSON
      </Anchor>
      <Anchor
        href={modelExportUrl(orgId, model.id, model.version, 'yaml')}
        download
        fz="sm"
        aria-label={`Download ${model.name} as YAML`}
      >
        YAML
      </Anchor>
    </Group>
  );
}
