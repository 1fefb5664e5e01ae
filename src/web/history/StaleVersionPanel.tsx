import { Alert, Button, Group, Paper, Stack, Table, VisuallyHidden } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import type { VersionedEdit } from './useVersionedEdit.ts';
import type { DiffRow } from './version-diff.ts';

interface StaleVersionPanelProps<I, R extends { version: number }> {
  /** What was edited, e.g. `interaction`. */
  recordLabel: string;
  /** The edit of the record; the panel shows only while a save of it was refused as stale. */
  edit: VersionedEdit<I, R>;
  /** Your edit against the saved version, field by field. */
  compare: (yours: I, current: R) => DiffRow[];
}

/**
 * Someone else saved this record while it was being edited. Shows both versions side by side,
 * differences highlighted, and lets the person keep theirs or take the saved one.
 */
export function StaleVersionPanel<I, R extends { version: number }>({
  recordLabel,
  edit,
  compare,
}: StaleVersionPanelProps<I, R>) {
  const { conflict, pending, keepYours: onKeepYours, takeCurrent: onTakeCurrent } = edit;
  if (!conflict) return null;
  const rows = compare(conflict.yours, conflict.current);
  const currentVersion = conflict.current.version;
  const differing = rows.filter((row) => row.differs).length;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      style={{ borderColor: 'var(--mantine-color-orange-6)' }}
      component="section"
      aria-labelledby="stale-title"
    >
      <Stack gap="md">
        <Alert
          color="orange"
          icon={<IconGitCompare size={18} aria-hidden />}
          title={`Someone saved this ${recordLabel} while you were editing`}
          id="stale-title"
          role="alert"
        >
          Version {currentVersion} is now the current one. {differing}{' '}
          {differing === 1 ? 'field differs' : 'fields differ'} from your edit. Keep yours to save it over version{' '}
          {currentVersion}, or take the saved version and drop your changes.
        </Alert>
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm" verticalSpacing={6} aria-label="Your version and the saved version">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>Field</Table.Th>
                <Table.Th>Yours</Table.Th>
                <Table.Th>Saved (version {currentVersion})</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.field}
                  bg={row.differs ? 'var(--mantine-color-yellow-light)' : undefined}
                  data-differs={row.differs || undefined}
                >
                  <Table.Td fw={row.differs ? 700 : 500}>
                    {row.label}
                    {row.differs && <VisuallyHidden> (differs)</VisuallyHidden>}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.yours}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.theirs}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onTakeCurrent} disabled={pending}>
            Take the saved version
          </Button>
          <Button color="orange" onClick={onKeepYours} loading={pending}>
            Keep mine
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
