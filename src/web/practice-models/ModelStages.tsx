import { Badge, Group, Text, Timeline, VisuallyHidden } from '@mantine/core';
import { componentsEmphasizedAt } from '../../model/graph.ts';
import type { PracticeModel } from '../../model/schema.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** The support stages in the order they follow one another, each with the components it is expected to emphasize. */
export function ModelStages({ model }: { model: PracticeModel }) {
  return (
    <Timeline bulletSize={26} lineWidth={2} active={model.stages.length}>
      {model.stages.map((stage, index) => {
        const emphasized = componentsEmphasizedAt(model, stage.id);
        return (
          <Timeline.Item
            key={stage.id}
            bullet={
              <Text fz="xs" fw={700} aria-hidden>
                {index + 1}
              </Text>
            }
            title={
              <Group gap="xs" component="span">
                <Text component="span" fw={600}>
                  <VisuallyHidden>Stage {index + 1}: </VisuallyHidden>
                  {stage.name}
                </Text>
                <ProvenanceBadge provenance={stage.provenance} note={stage.provenanceNote} />
              </Group>
            }
          >
            {stage.description && (
              <Text fz="sm" c="dimmed" mt={4}>
                {stage.description}
              </Text>
            )}
            <Group gap={6} mt={6} aria-label={`Components ${stage.name} emphasizes`}>
              <Text fz="xs" fw={600} c="dimmed">
                Emphasizes:
              </Text>
              {emphasized.length === 0 ? (
                <Text fz="xs" c="dimmed">
                  no component named
                </Text>
              ) : (
                emphasized.map((component) => (
                  <Badge key={component.id} variant="outline" color="indigo" size="sm" radius="sm" tt="none">
                    {component.name}
                  </Badge>
                ))
              )}
            </Group>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
