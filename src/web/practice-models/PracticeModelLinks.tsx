import { Anchor, Group } from '@mantine/core';
import type { ModelSummary } from '../../domain/models.ts';
import { Link } from 'react-router';
import { modelExportUrl } from '../api/practice-models.ts';
import { modelPagePath } from './model-paths.ts';

/** The diagram (on the model's page) and the files of a model's latest version. */
export function PracticeModelLinks({ orgId, model }: { orgId: string; model: ModelSummary }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor
        component={Link}
        to={`${modelPagePath(orgId, model.id, model.version)}#diagram`}
        fz="sm"
        aria-label={`Diagram of ${model.name}`}
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
