import { Badge, Group } from '@mantine/core';
import type { ComponentUse } from '../../domain/support/schemas.ts';

/** The components of one interaction as small labelled badges: `Coaching · 20 min`. */
export function ComponentBadges({
  components,
  nameOf,
}: {
  components: ComponentUse[];
  nameOf: (id: string) => string | undefined;
}) {
  return (
    <Group gap={4}>
      {components.map((use) => (
        <Badge key={use.componentId} variant="light" size="sm" tt="none" fw={500}>
          {nameOf(use.componentId) ?? use.componentId} · {use.minutes} min
        </Badge>
      ))}
    </Group>
  );
}
