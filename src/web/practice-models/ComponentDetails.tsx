import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ComponentProfile } from './component-profile.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';

function Facet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4} fz="sm" c="dimmed" tt="uppercase" lts={0.4}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const none = (what: string) => (
  <Text fz="sm" c="dimmed">
    {what}
  </Text>
);

/** Definition, practice activities, mechanisms, targets, stage emphasis and reachable outcomes of one component. */
export function ComponentDetails({ profile }: { profile: ComponentProfile }) {
  const { component, mechanisms, targetOutcomes, stages, reachable } = profile;
  return (
    <Stack gap="md">
      <Text fz="sm">{component.definition}</Text>
      {component.provenanceNote && (
        <Text fz="xs" c="dimmed">
          Provenance: {component.provenanceNote}
        </Text>
      )}

      <Facet title="Practice activities">
        {component.activities.length === 0 ? (
          none('No practice activities are defined.')
        ) : (
          <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {component.activities.map((activity) => (
              <li key={activity.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                  <div>
                    <Text fz="sm" fw={600}>
                      {activity.label}
                    </Text>
                    <Text fz="sm" c="dimmed">
                      {activity.description}
                    </Text>
                  </div>
                  <ProvenanceBadge provenance={activity.provenance} note={activity.provenanceNote} />
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Facet>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Facet title="Works through (mechanisms)">
          {mechanisms.length === 0 ? (
            none('No construct named.')
          ) : (
            <Group gap={6}>
              {mechanisms.map((construct) => (
                <Badge key={construct.id} variant="light" color="violet" radius="sm" tt="none">
                  {construct.name}
                </Badge>
              ))}
            </Group>
          )}
        </Facet>
        <Facet title="Emphasized in stages">
          {stages.length === 0 ? (
            none('No stage emphasizes it.')
          ) : (
            <Group gap={6}>
              {stages.map((stage) => (
                <Badge key={stage.id} variant="outline" color="indigo" radius="sm" tt="none">
                  {stage.name}
                </Badge>
              ))}
            </Group>
          )}
        </Facet>
      </SimpleGrid>

      <Facet title="Targeted outcomes">
        {targetOutcomes.length === 0 ? (
          none('No outcome targeted.')
        ) : (
          <List fz="sm" spacing={2}>
            {targetOutcomes.map((outcome) => (
              <List.Item key={outcome.id}>
                {outcome.name}{' '}
                <Text span fz="xs" c="dimmed">
                  ({outcome.tier}; {outcome.levels.join(', ')})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Facet>

      <Facet title={`Outcomes reachable along the links (${reachable.length})`}>
        {reachable.length === 0 ? (
          none('No outcome is reachable from this component.')
        ) : (
          <List fz="sm" spacing={4}>
            {reachable.map(({ outcome, shortestPath }) => (
              <List.Item key={outcome.id}>
                <Text span fz="sm" fw={500}>
                  {outcome.name}
                </Text>{' '}
                <Text span fz="xs" c="dimmed">
                  ({outcome.tier}) via {shortestPath.slice(1, -1).join(' → ') || 'a direct link'}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Facet>
    </Stack>
  );
}
