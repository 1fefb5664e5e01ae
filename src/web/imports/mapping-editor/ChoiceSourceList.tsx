import { Button, Paper, SimpleGrid, Stack } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { ColumnField, DelimiterField } from './fields.tsx';
import { pairsOf, PairTable, recordOf, wrappingButton, type Option } from './PairTable.tsx';

/** A multi-select column or delimited text: its parts, each a text mapped to a meaning. */
export interface ChoiceSource {
  column: string;
  delimiter?: string;
  values: Record<string, string>;
}

/**
 * Columns whose cells hold several choices (a Qualtrics multi-select question, delimited text), each
 * with the table of its choice texts. `noun` names what is chosen (`activity`, `principle`).
 */
export function ChoiceSourceList({
  noun,
  sources,
  onChange,
  columns,
  options,
}: {
  noun: string;
  sources: ChoiceSource[];
  onChange: (sources: ChoiceSource[]) => void;
  columns: string[];
  options: Option[];
}) {
  const set = (i: number, source: ChoiceSource) => onChange(sources.map((s, j) => (j === i ? source : s)));
  const title = `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
  return (
    <Stack gap="sm">
      {sources.map((source, i) => (
        <Paper key={i} withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <ColumnField
                label={`${title} choices column ${i + 1}`}
                columns={columns}
                value={source.column}
                onChange={(column) => set(i, { ...source, column })}
              />
              <DelimiterField
                label={`Choices separated by (${noun} column ${i + 1})`}
                value={source.delimiter ?? ','}
                onChange={(delimiter) => set(i, { ...source, delimiter })}
              />
            </SimpleGrid>
            <PairTable
              label={`${title} choices of column ${i + 1}`}
              pairs={pairsOf(source.values)}
              onChange={(pairs) => set(i, { ...source, values: recordOf(pairs) })}
              left={{ label: `${title} choice text`, labelEnd: `of column ${i + 1}` }}
              right={{ label: title, labelEnd: `of column ${i + 1}`, options }}
            />
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => onChange(sources.filter((_, j) => j !== i))}
              style={{ alignSelf: 'flex-start' }}
              styles={wrappingButton}
            >
              Remove {noun} choices column {i + 1}
            </Button>
          </Stack>
        </Paper>
      ))}
      <Button
        variant="default"
        size="compact-sm"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => onChange([...sources, { column: '', delimiter: ',', values: {} }])}
        style={{ alignSelf: 'flex-start' }}
        styles={wrappingButton}
      >
        Add a column of {noun} choices
      </Button>
    </Stack>
  );
}
