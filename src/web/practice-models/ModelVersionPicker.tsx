import { Select } from '@mantine/core';
import type { ModelVersionSummary } from '../../domain/models.ts';
import { formatDate } from '../format.ts';

interface ModelVersionPickerProps {
  versions: readonly ModelVersionSummary[];
  latest: string;
  value: string;
  onChange: (version: string) => void;
}

/** Chooses one of a model's published versions, newest first. */
export function ModelVersionPicker({ versions, latest, value, onChange }: ModelVersionPickerProps) {
  const data = [...versions].reverse().map((entry) => ({
    value: entry.version,
    label: `${entry.version}${entry.version === latest ? ' (latest)' : ''} · ${formatDate(entry.publishedAt)}`,
  }));
  return (
    <Select
      label="Version"
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      checkIconPosition="right"
      w={{ base: '100%', xs: 260 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
