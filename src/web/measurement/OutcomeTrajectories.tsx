import { Alert, Anchor, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { OutcomeChange, OutcomeTrajectory } from '../../domain/measurement/schemas.ts';
import { errorMessageOf } from '../api/client.ts';
import { Chart } from '../charts/Chart.tsx';
import { formatDate } from '../format.ts';
import { useOutcomeChange } from './measurement-hooks.ts';
import { measurementPath } from './measurement-paths.ts';
import {
  formatChange,
  formatNumber,
  formatP,
  groupTrajectories,
  trajectoryLabel,
  trajectoryOption,
  type TrajectoryGroup,
} from './trajectory-chart.ts';

/** Outcome trajectories of an engagement by level: a chart of wave means and a table of n, mean, SD and change. */
export function OutcomeTrajectories({ orgId, engagementId }: { orgId: string; engagementId: string }) {
  const change = useOutcomeChange(orgId, engagementId);
  const groups = useMemo(() => groupTrajectories(change.data?.trajectories ?? []), [change.data]);
  const [selected, setSelected] = useState<string | null>(null);
  const group = groups.find((g) => g.key === selected) ?? groups[0];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Outcome trajectories">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="md">
          Outcome trajectories
        </Title>
        <Anchor component={Link} to={measurementPath(orgId, engagementId)} size="sm">
          Waves and survey links
        </Anchor>
      </Group>
      {change.isPending ? (
        <Text c="dimmed" size="sm">
          Loading outcomes…
        </Text>
      ) : change.isError ? (
        <Alert color="red" variant="light">
          {errorMessageOf(change.error)}
        </Alert>
      ) : groups.length === 0 || !group ? (
        <Text c="dimmed" size="sm">
          {change.data.notes.join('; ') || 'No scores yet.'} Plan a wave and send survey links to see outcomes here.
        </Text>
      ) : (
        <Stack gap="sm">
          {groups.length > 1 && (
            <Select
              label="Score"
              data={groups.map((g) => ({
                value: g.key,
                label: `${g.name} (${g.instrumentId}${g.outcomeId ? ` → ${g.outcomeId}` : ''})`,
              }))}
              value={group.key}
              onChange={setSelected}
              allowDeselect={false}
              maw={480}
            />
          )}
          <Text size="sm" c="dimmed">
            {group.name}
            {group.outcomeId ? ` measures ${group.outcomeId}` : ''} ({group.instrumentId}). Teams, organizations and
            systems are the mean of their members, or rated directly.
          </Text>
          <Chart option={trajectoryOption(group)} label={`Mean ${group.name} by wave and level`} height={260} />
          <TrajectoryTable group={group} />
          <Text size="xs" c="dimmed">
            Change is the difference of wave means. Paired change uses only the respondents or units measured at both
            waves, tested with the {change.data.method.pairedTest}, when at least {change.data.method.minPairs} pairs
            differ.
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

function changeCell(c: OutcomeChange | undefined) {
  if (!c) return { change: '—', paired: '—', p: '—', note: undefined };
  const paired = c.paired.n > 0 ? `${formatChange(c.paired.meanDifference)} (n = ${c.paired.n})` : '—';
  return {
    change: formatChange(c.meanChange),
    paired,
    p: c.paired.test ? formatP(c.paired.test.p) : '—',
    note: c.paired.note ?? undefined,
  };
}

function TrajectoryTable({ group }: { group: TrajectoryGroup }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder fz="sm" aria-label={`${group.name} by wave and level`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Level</Table.Th>
            <Table.Th>Wave</Table.Th>
            <Table.Th ta="right">n</Table.Th>
            <Table.Th ta="right">Mean</Table.Th>
            <Table.Th ta="right">SD</Table.Th>
            <Table.Th ta="right">Change from baseline</Table.Th>
            <Table.Th ta="right">Paired change</Table.Th>
            <Table.Th ta="right">p (signed-rank)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{group.trajectories.flatMap((t) => trajectoryRows(t))}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function trajectoryRows(t: OutcomeTrajectory) {
  return t.points.map((p, i) => {
    const cell = changeCell(t.fromBaseline.find((c) => c.toWaveId === p.waveId));
    const baseline = p.waveId === t.baselineWaveId;
    return (
      <Table.Tr key={`${t.level}|${t.source}|${p.waveId}`}>
        <Table.Td>{i === 0 ? trajectoryLabel(t) : ''}</Table.Td>
        <Table.Td>
          {p.waveName}
          <Text span size="xs" c="dimmed">
            {' '}
            {formatDate(p.date)}
          </Text>
        </Table.Td>
        <Table.Td ta="right">
          {p.n}
          {p.missing > 0 ? <Text span size="xs" c="dimmed">{` (+${p.missing} missing)`}</Text> : null}
        </Table.Td>
        <Table.Td ta="right">{formatNumber(p.mean)}</Table.Td>
        <Table.Td ta="right">{formatNumber(p.sd)}</Table.Td>
        <Table.Td ta="right">{baseline ? 'baseline' : cell.change}</Table.Td>
        <Table.Td ta="right" title={cell.note}>
          {baseline ? '' : cell.paired}
        </Table.Td>
        <Table.Td ta="right" title={cell.note}>
          {baseline ? '' : cell.p}
        </Table.Td>
      </Table.Tr>
    );
  });
}
