import { Autocomplete, Select } from '@mantine/core';
import { withValues } from './PairTable.tsx';

/** A source column: the file's header offered, any name typed. */
export function ColumnField({
  label,
  columns,
  value,
  onChange,
  description,
}: {
  label: string;
  columns: string[];
  value: string;
  onChange: (value: string) => void;
  description?: string;
}) {
  return <Autocomplete label={label} description={description} data={columns} value={value} onChange={onChange} />;
}

const delimiters = [
  { value: ',', label: 'Comma' },
  { value: ';', label: 'Semicolon' },
  { value: '|', label: 'Vertical bar' },
  { value: '\n', label: 'Line break' },
];

/** What separates the parts of a cell. */
export function DelimiterField({
  label,
  value,
  onChange,
  disabled = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <Select
      label={label}
      disabled={disabled}
      data={withValues(delimiters, [value])}
      value={value}
      onChange={(chosen) => onChange(chosen ?? value)}
      allowDeselect={false}
    />
  );
}
