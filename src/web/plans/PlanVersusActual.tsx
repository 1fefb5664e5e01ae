import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { fetchPlanVersusActual } from '../api/plans.ts';
import { errorMessageOf } from '../api/client.ts';
import { queryKeys } from '../query-keys.ts';

/** Planned against logged minutes per month, and planned activities done, due and overdue, as a table. */
export function PlanVersusActual({
  orgId,
  engagementId,
  nameOf,
}: {
  orgId: string;
  engagementId: string;
  nameOf: (componentId: string) => string;
}) {
  const query = useQuery({
    queryKey: queryKeys.planVersusActual(orgId, engagementId),
    queryFn: ({ signal }) => fetchPlanVersusActual(orgId, engagementId, signal),
  });
  if (query.isPending) return <Text size="sm">Loading…</Text>;
  if (query.isError) return <Text c="red">{errorMessageOf(query.error)}</Text>;
  const months = query.data.months.filter((m) => m.stageId !== null);
  if (!months.some((m) => m.planned))
    return (
      <Text c="dimmed" size="sm">
        No stage of this engagement has a plan for these months yet.
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped fz="sm" aria-label="Plan versus actual by month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Month</Table.Th>
            <Table.Th scope="col">Minutes planned / logged</Table.Th>
            <Table.Th scope="col">Activities</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...months].reverse().map((month) => (
            <Table.Tr key={month.month}>
              <Table.Th scope="row">{month.month}</Table.Th>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {month.plannedMinutes} / {month.loggedMinutes}
                </Text>
                {month.components.map((c) => (
                  <Text key={c.componentId} size="xs" c="dimmed">
                    {nameOf(c.componentId)}: {c.planned} / {c.logged}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {month.activities.done} done · {month.activities.due} due · {month.activities.overdue} overdue
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
