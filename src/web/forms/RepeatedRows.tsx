import { ActionIcon, Button, Group } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { ReactNode } from 'react';

/** What a row's fields are given: a way to change the row and the button that removes it, to place among them. */
export interface RowTools<Row> {
  index: number;
  update: (change: Partial<Row>) => void;
  removeButton: ReactNode;
}

interface RepeatedRowsProps<Row> {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** The row the add button appends. */
  newRow: () => Row;
  /** The add button's text, such as "Add goal". */
  addLabel: string;
  /** The accessible name of the remove button of row `index` (0-based), such as "Remove goal 1". */
  removeLabel: (index: number) => string;
  renderRow: (row: Row, tools: RowTools<Row>) => ReactNode;
}

/** A list of like rows that can be edited, removed one by one and added to; placed inside the caller's stack. */
export function RepeatedRows<Row>({
  rows,
  onChange,
  newRow,
  addLabel,
  removeLabel,
  renderRow,
}: RepeatedRowsProps<Row>) {
  const update = (index: number, change: Partial<Row>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <>
      {rows.map((row, index) => (
        <Fragment key={index}>
          {renderRow(row, {
            index,
            update: (change) => update(index, change),
            removeButton: (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={removeLabel(index)}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
                mt={28}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            ),
          })}
        </Fragment>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, newRow()])}
        >
          {addLabel}
        </Button>
      </Group>
    </>
  );
}

/** The fields of one row, side by side on a wide screen and wrapped on a narrow one. */
export function RowFields({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      {children}
    </Group>
  );
}
