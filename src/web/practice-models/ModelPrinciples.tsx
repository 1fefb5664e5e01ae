import { Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { PracticeModel } from '../../model/schema.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** The practice principles, each with the observable signs that it governs practice. */
export function ModelPrinciples({ model }: { model: PracticeModel }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {model.principles.map((principle) => (
        <Paper
          key={principle.id}
          withBorder
          radius="md"
          p="md"
          component="article"
          aria-labelledby={`principle-${principle.id}`}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Title order={3} fz="md" id={`principle-${principle.id}`}>
              {principle.name}
            </Title>
            <ProvenanceBadge provenance={principle.provenance} note={principle.provenanceNote} />
          </Group>
          {principle.description && (
            <Text fz="sm" mt={4}>
              {principle.description}
            </Text>
          )}
          <Text fz="xs" fw={600} c="dimmed" mt="sm" mb={4}>
            Observable indicators
          </Text>
          <List fz="sm" spacing={2}>
            {principle.indicators.map((indicator) => (
              <List.Item key={indicator}>{indicator}</List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
