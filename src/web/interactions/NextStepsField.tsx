import { ActionIcon, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { NextStepEntry } from './interaction-form.ts';

interface NextStepsFieldProps {
  value: NextStepEntry[];
  onChange: (value: NextStepEntry[]) => void;
  errors: Record<string, string>;
}

/** Next steps agreed in the interaction: what, who, by when. */
export function NextStepsField({ value, onChange, errors }: NextStepsFieldProps) {
  const update = (index: number, change: Partial<NextStepEntry>) =>
    onChange(value.map((step, i) => (i === index ? { ...step, ...change } : step)));
  return (
    <Stack gap="xs">
      {value.map((step, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label={`Next step ${index + 1}`}
            value={step.text}
            onChange={(event) => update(index, { text: event.currentTarget.value })}
            error={errors[`nextSteps.${index}.text`]}
            style={{ flex: '2 1 220px' }}
            data-autofocus={index === value.length - 1 ? true : undefined}
          />
          <TextInput
            label="Owner"
            value={step.owner}
            onChange={(event) => update(index, { owner: event.currentTarget.value })}
            error={errors[`nextSteps.${index}.owner`]}
            style={{ flex: '1 1 140px' }}
          />
          <TextInput
            type="date"
            label="Due"
            value={step.dueDate}
            onChange={(event) => update(index, { dueDate: event.currentTarget.value })}
            error={errors[`nextSteps.${index}.dueDate`]}
            style={{ flex: '1 1 140px' }}
          />
          <Checkbox
            label="Done"
            checked={step.done}
            onChange={(event) => update(index, { done: event.currentTarget.checked })}
            mt={30}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove next step ${index + 1}`}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
            mt={28}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...value, { text: '', owner: '', dueDate: '', done: false }])}
        >
          Add next step
        </Button>
      </Group>
    </Stack>
  );
}
