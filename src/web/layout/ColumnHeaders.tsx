import { Table, VisuallyHidden } from '@mantine/core';

interface ColumnHeadersProps {
  columns: readonly string[];
  /** A last column of buttons, named for screen readers only. */
  actions?: string;
}

/** The header row of a data table. */
export function ColumnHeaders({ columns, actions }: ColumnHeadersProps) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column} scope="col">
            {column}
          </Table.Th>
        ))}
        {actions && (
          <Table.Th scope="col">
            <VisuallyHidden>{actions}</VisuallyHidden>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
