import { ActionIcon, Group, NumberInput } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';

interface MinutesControlProps {
  label: string;
  value: number | '';
  onChange: (minutes: number | '') => void;
  error?: string | undefined;
}

const step = 5;

/** Minutes for one component: type a number, or use −5/+5 (buttons, or the arrow keys in the field). */
export function MinutesControl({ label, value, onChange, error }: MinutesControlProps) {
  const current = typeof value === 'number' ? value : 0;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`${label}: 5 minutes less`}
        onClick={() => onChange(current - step > 0 ? current - step : '')}
        disabled={current === 0}
        tabIndex={-1}
      >
        <IconMinus size={16} aria-hidden />
      </ActionIcon>
      <NumberInput
        aria-label={label}
        placeholder="min"
        value={value}
        onChange={(next) => onChange(typeof next === 'number' ? next : next === '' ? '' : Number(next))}
        min={0}
        max={1440}
        step={step}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        w={72}
        error={error ? true : undefined}
        styles={{ input: { textAlign: 'center' } }}
      />
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={`${label}: 5 minutes more`}
        onClick={() => onChange(current + step)}
        tabIndex={-1}
      >
        <IconPlus size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
