import { Autocomplete, Button, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';

export type Pairs = [string, string][];
export interface Option {
  value: string;
  label: string;
}

/** A button whose long label wraps on a narrow screen rather than widening the page. */
export const wrappingButton = { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' as const } };

export const pairsOf = (record: Record<string, string | number> | undefined): Pairs =>
  Object.entries(record ?? {}).map(([k, v]) => [k, String(v)]);
export const recordOf = (pairs: Pairs): Record<string, string> =>
  Object.fromEntries(pairs.filter(([k]) => k.trim() !== ''));

/** The options, with any value not among them added as itself (a mapping may name what the model lacks). */
export const withValues = (options: Option[], values: readonly string[]): Option[] => {
  const known = new Set(options.map((o) => o.value));
  const extra = [...new Set(values)].filter((v) => v !== '' && !known.has(v));
  return [...options, ...extra.map((value) => ({ value, label: value }))];
};

/** One side of a pair: free text, text with suggestions (`suggestions`), or a choice among `options`. */
export interface PairSide {
  /** Each input is labelled by this and its row: `Mode 2`. */
  label: string;
  /** After the row in the label, when several tables share one: `of column 1`. */
  labelEnd?: string;
  suggestions?: string[];
  options?: Option[];
}

function PairInput({
  side,
  row,
  value,
  onChange,
}: {
  side: PairSide;
  row: number;
  value: string;
  onChange: (value: string) => void;
}) {
  const label = `${side.label} ${row}${side.labelEnd ? ` ${side.labelEnd}` : ''}`;
  if (side.options)
    return (
      <Select
        aria-label={label}
        data={withValues(side.options, [value])}
        value={value || null}
        onChange={(chosen) => onChange(chosen ?? '')}
        searchable
      />
    );
  if (side.suggestions)
    return <Autocomplete aria-label={label} data={side.suggestions} value={value} onChange={onChange} />;
  return <TextInput aria-label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** Rows of two inputs, source value → meaning, with a button to add one. */
export function PairTable({
  label,
  pairs,
  onChange,
  left,
  right,
}: {
  label: string;
  pairs: Pairs;
  onChange: (pairs: Pairs) => void;
  left: PairSide;
  right: PairSide;
}) {
  // Rows without a source value yet are kept here: the mapping holds only the rows that have one.
  const [blanks, setBlanks] = useState<Pairs>([]);
  const rows: Pairs = [...pairs, ...blanks];
  const set = (i: number, side: 0 | 1, value: string) => {
    const next = rows.map((pair, j): [string, string] =>
      j === i ? (side === 0 ? [value, pair[1]] : [pair[0], value]) : pair,
    );
    onChange(next.filter(([k]) => k.trim() !== ''));
    setBlanks(next.filter(([k]) => k.trim() === ''));
  };
  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500}>
        {label}
      </Text>
      {rows.map(([k, v], i) => (
        <SimpleGrid key={i} cols={{ base: 1, xs: 2 }} spacing="xs">
          <PairInput side={left} row={i + 1} value={k} onChange={(value) => set(i, 0, value)} />
          <PairInput side={right} row={i + 1} value={v} onChange={(value) => set(i, 1, value)} />
        </SimpleGrid>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => setBlanks([...blanks, ['', '']])}
        style={{ alignSelf: 'flex-start' }}
        styles={wrappingButton}
      >
        Add a row to {label.toLowerCase()}
      </Button>
    </Stack>
  );
}
