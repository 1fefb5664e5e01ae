import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ModelSummary } from '../../domain/models.ts';
import { formatDate } from '../format.ts';
import { modelPagePath } from './model-paths.ts';
import { PracticeModelLinks } from './PracticeModelLinks.tsx';

/** One practice model on a phone. */
export function PracticeModelCard({ orgId, model }: { orgId: string; model: ModelSummary }) {
  return (
    <Paper withBorder p="md" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={modelPagePath(orgId, model.id)} fw={600}>
            {model.name}
          </Anchor>
          <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
            v{model.version}
          </Text>
        </Group>
        <Text fz="sm">{model.citation}</Text>
        <Text fz="xs" c="dimmed">
          Published {formatDate(model.publishedAt)}.
        </Text>
        <PracticeModelLinks orgId={orgId} model={model} />
      </Stack>
    </Paper>
  );
}
