import { Checkbox, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import type { ComponentEntry, ModelComponent } from './interaction-form.ts';
import { MinutesControl } from './MinutesControl.tsx';

interface ComponentRowProps {
  component: ModelComponent;
  groupName: string;
  /** Undefined when the component is not used. */
  entry: ComponentEntry | undefined;
  onChange: (entry: ComponentEntry | undefined) => void;
  errors: Record<string, string>;
}

/**
 * One component of the model: tick it, give its minutes, pick its activities. Typing minutes ticks
 * the component, so the common case needs no extra click; its activities show once it is in use, which
 * keeps the form short to move through from the keyboard.
 */
export function ComponentRow({ component, groupName, entry, onChange, errors }: ComponentRowProps) {
  const used = entry !== undefined;
  const error = errors[`component:${component.id}`];
  const activityIds = entry?.activityIds ?? [];

  const setMinutes = (minutes: number | '') => onChange({ minutes, activityIds });
  const setActivities = (ids: string[]) => onChange({ minutes: entry?.minutes ?? '', activityIds: ids });

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={used ? 'var(--mantine-color-blue-light)' : undefined}
      style={error ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
      data-component={component.id}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Checkbox
            checked={used}
            onChange={(event) => onChange(event.currentTarget.checked ? { minutes: '', activityIds: [] } : undefined)}
            label={
              <Text span fw={600} size="sm">
                {component.name}
              </Text>
            }
            description={groupName}
          />
          <MinutesControl
            label={`Minutes of ${component.name}`}
            value={entry?.minutes ?? ''}
            onChange={setMinutes}
            error={error}
          />
        </Group>
        {used && component.activities.length > 0 && (
          <Chip.Group multiple value={activityIds} onChange={setActivities}>
            <Group gap={6} role="group" aria-label={`Activities of ${component.name}`}>
              {component.activities.map((activity) => (
                <Chip
                  key={activity.id}
                  value={activity.id}
                  size="xs"
                  variant="outline"
                  styles={{
                    label: { whiteSpace: 'normal', height: 'auto', minHeight: 24, lineHeight: 1.3, paddingBlock: 3 },
                  }}
                  color={errors[`activity:${component.id}:${activity.id}`] ? 'red' : 'blue'}
                >
                  {activity.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
