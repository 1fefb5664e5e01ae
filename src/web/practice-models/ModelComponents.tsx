import { Accordion, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { PracticeModel } from '../../model/schema.ts';
import { ComponentDetails } from './ComponentDetails.tsx';
import { componentProfile, componentsByGroup } from './component-profile.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

/** The core practice components under their groups; each opens to show everything the model says about it. */
export function ModelComponents({ model }: { model: PracticeModel }) {
  const groups = useMemo(() => componentsByGroup(model), [model]);
  const groupProvenance = new Map(model.componentGroups.map((group) => [group.id, group]));
  return (
    <Stack gap="lg">
      {groups.map((group) => {
        const source = groupProvenance.get(group.id);
        return (
          <Stack
            key={group.id || 'other'}
            gap="xs"
            component="section"
            aria-labelledby={`group-${group.id || 'other'}`}
          >
            <Group gap="xs">
              <Title order={3} fz="md" id={`group-${group.id || 'other'}`}>
                {group.name}
              </Title>
              {source && <ProvenanceBadge provenance={source.provenance} note={source.provenanceNote} />}
            </Group>
            {group.description && (
              <Text fz="sm" c="dimmed">
                {group.description}
              </Text>
            )}
            <Accordion multiple variant="separated" radius="md" chevronPosition="left">
              {group.components.map((component) => (
                <Accordion.Item key={component.id} value={component.id}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text fw={600} fz="sm">
                        {component.name}
                      </Text>
                      <Group gap={6} wrap="nowrap">
                        <Text fz="xs" c="dimmed" visibleFrom="xs">
                          {component.activities.length} activities
                        </Text>
                        <ProvenanceBadge provenance={component.provenance} interactive={false} />
                      </Group>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <ComponentDetails profile={componentProfile(model, component)} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
        );
      })}
    </Stack>
  );
}
