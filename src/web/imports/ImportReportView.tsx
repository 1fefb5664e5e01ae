import { Alert, Anchor, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ImportProblem, ImportReport } from '../api/support.ts';

/** The outcome of an import: what was (or would be) created, or every bad row with its column and reason. */
export type ImportOutcome =
  { kind: 'done'; report: ImportReport } | { kind: 'refused'; message: string; problems: ImportProblem[] };

export function ImportReportView({ outcome, interactionsPath }: { outcome: ImportOutcome; interactionsPath: string }) {
  if (outcome.kind === 'done') {
    const { report } = outcome;
    const rows = `${report.rowsRead} ${report.rowsRead === 1 ? 'row' : 'rows'}`;
    return report.dryRun ? (
      <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden />} title="The file is valid" role="status">
        All {rows} can be imported as {report.interactions} interactions ({report.format} layout). Nothing was written:
        import the file to save them.
      </Alert>
    ) : (
      <Alert
        color="teal"
        icon={<IconCircleCheck size={18} aria-hidden />}
        title={`${report.written} interactions created`}
        role="status"
      >
        Imported {rows} ({report.format} layout).{' '}
        <Anchor component={Link} to={interactionsPath}>
          See the interactions
        </Anchor>
      </Alert>
    );
  }
  return (
    <>
      <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} title="Nothing was imported" role="alert">
        {outcome.message}
      </Alert>
      {outcome.problems.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped fz="sm" verticalSpacing={6} aria-label="Problems by row">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>Row</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcome.problems.map((problem, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{problem.row ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {problem.column || '(whole row)'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{problem.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
