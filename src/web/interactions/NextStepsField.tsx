import { Checkbox, Stack, TextInput } from '@mantine/core';
import { RepeatedRows, RowFields } from '../forms/RepeatedRows.tsx';
import type { NextStepEntry } from './interaction-form.ts';

interface NextStepsFieldProps {
  value: NextStepEntry[];
  onChange: (value: NextStepEntry[]) => void;
  errors: Record<string, string>;
}

/** Next steps agreed in the interaction: what, who, by when. */
export function NextStepsField({ value, onChange, errors }: NextStepsFieldProps) {
  return (
    <Stack gap="xs">
      <RepeatedRows
        rows={value}
        onChange={onChange}
        newRow={() => ({ text: '', owner: '', dueDate: '', done: false })}
        addLabel="Add next step"
        removeLabel={(index) => `Remove next step ${index + 1}`}
        renderRow={(step, { index, update, removeButton }) => (
          <RowFields>
            <TextInput
              label={`Next step ${index + 1}`}
              value={step.text}
              onChange={(event) => update({ text: event.currentTarget.value })}
              error={errors[`nextSteps.${index}.text`]}
              style={{ flex: '2 1 220px' }}
              data-autofocus={index === value.length - 1 ? true : undefined}
            />
            <TextInput
              label="Owner"
              value={step.owner}
              onChange={(event) => update({ owner: event.currentTarget.value })}
              error={errors[`nextSteps.${index}.owner`]}
              style={{ flex: '1 1 140px' }}
            />
            <TextInput
              type="date"
              label="Due"
              value={step.dueDate}
              onChange={(event) => update({ dueDate: event.currentTarget.value })}
              error={errors[`nextSteps.${index}.dueDate`]}
              style={{ flex: '1 1 140px' }}
            />
            <Checkbox
              label="Done"
              checked={step.done}
              onChange={(event) => update({ done: event.currentTarget.checked })}
              mt={30}
            />
            {removeButton}
          </RowFields>
        )}
      />
    </Stack>
  );
}
