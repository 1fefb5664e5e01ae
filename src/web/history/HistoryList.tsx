import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { HistoryEntry } from '../api/support.ts';
import { formatDateTime } from '../format.ts';
import { readableChanges } from './readable-change.ts';
import type { NameOf } from './readable-change.ts';

interface HistoryListProps {
  entries: HistoryEntry[];
  /** Shows "you" for the signed-in person's own changes. */
  myUserId: string;
  nameOf?: NameOf;
}

const actionLabels: Record<string, { label: string; color: string }> = {
  create: { label: 'Created', color: 'teal' },
  update: { label: 'Edited', color: 'blue' },
  delete: { label: 'Deleted', color: 'red' },
  restore: { label: 'Restored', color: 'grape' },
};

/** Who made a change: "you", the name the server gives (a member, an API token, a former member), or the system. */
const actorLabel = ({ actor, actorName }: HistoryEntry, myUserId: string): string => {
  if (actor === null) return 'the system';
  if (actor === myUserId) return 'you';
  return actorName ?? 'a former member';
};

/** Every version of a record, newest first: who, when, and what changed from what to what. */
export function HistoryList({ entries, myUserId, nameOf }: HistoryListProps) {
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at) || (b.version ?? 0) - (a.version ?? 0));
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="History">
      {newestFirst.map((entry) => {
        const action = actionLabels[entry.action] ?? { label: entry.action, color: 'gray' };
        const lines = entry.action === 'update' ? readableChanges(entry.changes, nameOf) : [];
        return (
          <Paper key={entry.id} component="li" withBorder p="sm" radius="md">
            <Group gap="xs" mb={lines.length > 0 ? 'xs' : 0}>
              <Badge color={action.color} variant="light">
                {action.label}
              </Badge>
              {entry.version !== null && (
                <Text size="sm" fw={600}>
                  version {entry.version}
                </Text>
              )}
              <Text size="sm" c="dimmed">
                by {actorLabel(entry, myUserId)} · {formatDateTime(entry.at)}
              </Text>
            </Group>
            {lines.length > 0 && (
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing={4} fz="sm" withRowBorders={false}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={150}>Field</Table.Th>
                      <Table.Th>Before</Table.Th>
                      <Table.Th>After</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lines.map((line) => (
                      <Table.Tr key={line.field}>
                        <Table.Td fw={500}>{line.label}</Table.Td>
                        <Table.Td>
                          <Text size="sm" td="line-through" c="red.8" style={{ whiteSpace: 'pre-wrap' }}>
                            {line.before}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="teal.9" style={{ whiteSpace: 'pre-wrap' }}>
                            {line.after}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
