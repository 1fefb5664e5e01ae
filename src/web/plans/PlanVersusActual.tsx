import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { activityWords } from '../../domain/plans/views.ts';
import { planVersusActualOption } from '../../charts/options.ts';
import { fetchPlanVersusActual } from '../api/plans.ts';
import { errorMessageOf } from '../api/client.ts';
import { Chart } from '../charts/Chart.tsx';
import { NoDataYet } from '../charts/NoDataYet.tsx';
import { queryKeys } from '../query-keys.ts';

/**
 * Planned against logged minutes per calendar month (the chart the engagement report draws), and a
 * table by component with the planned activities done, due and overdue each month.
 */
export function PlanVersusActual({
  orgId,
  engagementId,
  nameOf,
}: {
  orgId: string;
  engagementId: string;
  nameOf: (id: string) => string;
}) {
  const query = useQuery({
    queryKey: queryKeys.planVersusActual(orgId, engagementId),
    queryFn: ({ signal }) => fetchPlanVersusActual(orgId, engagementId, signal),
  });
  const months = useMemo(() => (query.data?.months ?? []).filter((m) => m.stageId !== null), [query.data]);
  const option = useMemo(
    () =>
      planVersusActualOption(
        months.map((m) => ({ month: m.month, planned: m.planned ? m.plannedMinutes : null, logged: m.loggedMinutes })),
        'calendar month',
      ),
    [months],
  );
  if (query.isPending) return <Text size="sm">Loading…</Text>;
  if (query.isError) return <Text c="red">{errorMessageOf(query.error)}</Text>;
  if (!months.some((m) => m.planned))
    return (
      <NoDataYet>
        No stage of this engagement has a plan for these months yet. Plan a stage under Stage plans to compare the
        minutes you planned with those you log.
      </NoDataYet>
    );
  const totals = query.data.activities;
  return (
    <Stack gap="sm">
      <Chart option={option} label="Plan versus actual: planned and logged minutes by calendar month" height={240} />
      <Text size="sm" data-testid="plan-activity-totals">
        Planned activities: {activityWords(totals)}
      </Text>
      <Table.ScrollContainer minWidth={0}>
        <Table striped fz="sm" aria-label="Plan versus actual by month">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col">Minutes planned / logged</Table.Th>
              <Table.Th scope="col">Activities due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...months].reverse().map((month) => (
              <Table.Tr key={month.month} data-month={month.month}>
                <Table.Th scope="row">{month.month}</Table.Th>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {month.planned ? month.plannedMinutes : 'no plan'} / {month.loggedMinutes}
                  </Text>
                  {month.components.map((c) => (
                    <Text key={c.componentId} size="xs" c="dimmed">
                      {nameOf(c.componentId)}: {month.planned ? c.planned : '—'} / {c.logged}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{activityWords(month.activities)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
