import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import type { HypothesisRun } from '../../domain/hypotheses/schemas.ts';
import { countOf } from '../../domain/count-of.ts';
import { formatDateTime } from '../format.ts';
import { termOfLabel, testTerms, type GlossaryTerm } from '../words/glossary.ts';
import { WithHelp } from '../words/HelpTip.tsx';
import { EvidenceBadge } from './EvidenceBadge.tsx';
import { formatInterval, formatP, formatStatistic } from './result-format.ts';

/** One run read against its registration: what was promised beside what was found. */
export function HypothesisResultReport({
  run,
  registration,
}: {
  run: HypothesisRun;
  registration: HypothesisRegistration;
}) {
  const r = run.result;
  // Each row: label, value, and the glossary terms that explain it.
  const rows: [label: string, value: string, terms?: readonly GlossaryTerm[]][] = [
    ['Method', r.method, testTerms[registration.test]],
    ['Reference', r.reference],
    [
      'n',
      `${r.n}${r.clusters !== null ? ` (${r.clusters} engagements as clusters)` : ''}; engagements used ${r.dataset.engagementsUsed} of ${r.dataset.engagementsConsidered}`,
    ],
  ];
  if (r.statistic)
    rows.push([
      'Statistic',
      `${r.statistic.name} = ${formatStatistic(r.statistic.value)}${r.statistic.df !== null ? ` on ${formatStatistic(r.statistic.df)} df` : ''}`,
    ]);
  if (r.outcome === 'completed') {
    rows.push([
      'p (two-sided) vs alpha',
      `${formatP(r.p)} vs α = ${registration.alpha}: ${r.significant === null ? 'no p-value' : r.significant ? 'below alpha' : 'not below alpha'}`,
      ['p-value', 'alpha'],
    ]);
    rows.push([
      'Direction',
      `registered ${r.direction.registered}; observed ${r.direction.observed ?? 'none (no direction for this test)'}${r.direction.matched === null ? '' : r.direction.matched ? ' — matches' : ' — does not match'}`,
    ]);
  }
  if (r.effect)
    rows.push([
      'Effect size',
      `${r.effect.name} = ${formatStatistic(r.effect.value)} (${formatInterval(r.effect)})`,
      ['effect size'],
    ]);
  for (const e of r.otherEffects) {
    const term = termOfLabel(e.name);
    rows.push([e.name, formatStatistic(e.value), term ? [term] : []]);
  }

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={`run-${run.id}`}
      data-testid="hypothesis-result"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="md" id={`run-${run.id}`}>
            Result of {formatDateTime(run.ranAt)}
          </Title>
          <EvidenceBadge evidence={r.verdict} />
        </Group>
        {r.outcome === 'insufficient-data' ? (
          <Alert color="yellow" title="Too little data for the registered test">
            {r.message}
          </Alert>
        ) : (
          <Text>{r.summary}</Text>
        )}
        <Table withTableBorder variant="vertical" layout="fixed">
          <Table.Tbody>
            {rows.map(([label, value, terms = []]) => (
              <Table.Tr key={label}>
                <Table.Th w={200}>
                  <WithHelp terms={terms}>{label}</WithHelp>
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {r.coefficients.length > 0 && (
          <Table withTableBorder striped aria-label="Coefficients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Term</Table.Th>
                <Table.Th>Estimate</Table.Th>
                <Table.Th>SE</Table.Th>
                <Table.Th>p</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.coefficients.map((c) => (
                <Table.Tr key={c.term}>
                  <Table.Td>{c.term}</Table.Td>
                  <Table.Td>{formatStatistic(c.estimate)}</Table.Td>
                  <Table.Td>{formatStatistic(c.se)}</Table.Td>
                  <Table.Td>{formatP(c.p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {r.groups.length > 0 && (
          <Group gap="xs">
            {r.groups.map((g) => (
              <Badge key={g.label} variant="light">
                {g.label}: {g.engagements} engagements
              </Badge>
            ))}
          </Group>
        )}
        {(r.warnings.length > 0 || r.dataset.excluded.length > 0) && (
          <Alert color="orange" title="Warnings">
            <List size="sm">
              {r.dataset.excluded.map((e) => (
                <List.Item key={e.reason}>
                  {countOf(e.engagements, 'engagement')} left out: {e.reason}.
                </List.Item>
              ))}
              {r.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {r.assumptions.length > 0 && (
          <Text fz="sm" c="dimmed">
            Assumes: {r.assumptions.join('; ')}.
          </Text>
        )}
        <Text fz="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          registration sha256 {run.contentHash}
        </Text>
      </Stack>
    </Paper>
  );
}
