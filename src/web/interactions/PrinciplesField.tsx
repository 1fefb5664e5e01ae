import { Button, Chip, Group, Rating, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ModelSummary } from './interaction-form.ts';

interface PrinciplesFieldProps {
  principles: ModelSummary['principles'];
  value: Record<string, number | null>;
  onChange: (value: Record<string, number | null>) => void;
  errors: Record<string, string>;
}

/** The principles applied, each with an optional rating of how fully, 1 to 5. */
export function PrinciplesField({ principles, value, onChange, errors }: PrinciplesFieldProps) {
  const selected = Object.keys(value);
  const select = (ids: string[]) => onChange(Object.fromEntries(ids.map((id) => [id, value[id] ?? null])));
  // The chips wait behind one button until wanted, so the form stays short to move through by keyboard.
  const [shown, setShown] = useState(selected.length > 0);
  if (!shown)
    return (
      <div>
        <Button variant="subtle" size="compact-sm" aria-expanded={false} onClick={() => setShown(true)}>
          Choose principles ({principles.length})
        </Button>
      </div>
    );
  return (
    <Stack gap="xs">
      <Chip.Group multiple value={selected} onChange={select}>
        <Group gap={6} role="group" aria-label="Principles applied">
          {principles.map((principle) => (
            <Chip
              key={principle.id}
              value={principle.id}
              size="sm"
              color={errors[`principle:${principle.id}`] ? 'red' : 'teal'}
              styles={{
                label: { whiteSpace: 'normal', height: 'auto', minHeight: 28, lineHeight: 1.3, paddingBlock: 4 },
              }}
            >
              {principle.name}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {principles
        .filter((principle) => principle.id in value)
        .map((principle) => (
          <Group key={principle.id} gap="sm">
            <Text size="sm" w={{ base: '100%', xs: 220 }}>
              {principle.name}
            </Text>
            <Rating
              value={value[principle.id] ?? 0}
              onChange={(rating) => onChange({ ...value, [principle.id]: rating === 0 ? null : rating })}
              aria-label={`How fully ${principle.name} was applied, 1 to 5`}
            />
            {errors[`principle:${principle.id}`] && (
              <Text size="xs" c="red">
                {errors[`principle:${principle.id}`]}
              </Text>
            )}
          </Group>
        ))}
    </Stack>
  );
}
