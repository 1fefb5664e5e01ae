import { Alert, Badge, Button, Code, Group, Loader, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconLock, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { can } from '../../domain/accounts/policy.ts';
import { covariateLabels, testLabels, type HypothesisRegistration } from '../../domain/hypotheses/registration.ts';
import { errorMessageOf } from '../api/client.ts';
import { formatDateTime } from '../format.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { ConfirmDialog } from '../layout/ConfirmDialog.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone, notifyFailure } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { testTerms, type GlossaryTerm } from '../words/glossary.ts';
import { WithHelp } from '../words/HelpTip.tsx';
import { HypothesisResultReport } from './HypothesisResultReport.tsx';
import {
  getHypothesis,
  hypothesisKeys,
  listRuns,
  lockHypothesis,
  runHypothesis,
  withdrawHypothesis,
} from './hypotheses-api.ts';

/** Each row: label, value, and the glossary terms that explain it. */
function registrationRows(
  r: HypothesisRegistration,
): [label: string, value: string, terms?: readonly GlossaryTerm[]][] {
  const p = r.predictor;
  const o = r.outcome;
  return [
    ['Hypothesis', r.statement],
    ['Model link', `${r.linkId} (${r.model.id}@${r.model.version})`],
    [
      'Predictor',
      `${p.measure} of ${p.components.join(', ')} in months ${p.months.from}–${p.months.to} of the relationship${p.cutpoints.length > 0 ? `, grouped at ${p.cutpoints.join(', ')}` : ''}`,
      ['dose', 'month of relationship'],
    ],
    [
      'Outcome',
      `${o.measure === 'change' ? 'change from baseline in' : 'score of'} ${o.outcomeId} at the ${o.level} level, wave in month ${o.atMonth}${o.toleranceMonths > 0 ? ` ± ${o.toleranceMonths}` : ''}`,
    ],
    ['Direction', r.direction],
    ['Test', testLabels[r.test], testTerms[r.test]],
    ['Covariates', r.covariates.length === 0 ? 'none' : r.covariates.map((c) => covariateLabels[c]).join('; ')],
    ['Alpha', String(r.alpha), ['alpha']],
  ];
}

/** One hypothesis: its registration, lock, runs and the latest result against the registration. */
export default function HypothesisPage() {
  const organization = useOrganization();
  const { hypothesisId = '' } = useParams();
  const client = useQueryClient();
  const hypothesis = useQuery({
    queryKey: hypothesisKeys.one(organization.id, hypothesisId),
    queryFn: ({ signal }) => getHypothesis(organization.id, hypothesisId, signal),
  });
  const runs = useQuery({
    queryKey: hypothesisKeys.runs(organization.id, hypothesisId),
    queryFn: ({ signal }) => listRuns(organization.id, hypothesisId, signal),
  });
  usePageTitle(hypothesis.data?.registration.title ?? 'Hypothesis', organization.name);
  const [confirmLock, setConfirmLock] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: hypothesisKeys.all(organization.id) });

  const lock = useMutation({
    mutationFn: (version: number) => lockHypothesis(organization.id, hypothesisId, version),
    onSuccess: () => {
      setConfirmLock(false);
      notifyDone('Locked: the registration can no longer change');
      return refresh();
    },
    onError: (error) => notifyFailure('Could not lock the hypothesis', error),
  });
  const run = useMutation({
    mutationFn: () => runHypothesis(organization.id, hypothesisId),
    onSuccess: () => refresh(),
    onError: (error) => notifyFailure('Could not run the hypothesis', error),
  });
  const withdraw = useMutation({
    mutationFn: (version: number) => withdrawHypothesis(organization.id, hypothesisId, version, reason),
    onSuccess: () => {
      notifyDone('Withdrawn');
      return refresh();
    },
    onError: (error) => notifyFailure('Could not withdraw the hypothesis', error),
  });

  if (hypothesis.isPending) return <Loader role="status" aria-label="Loading the hypothesis" />;
  if (hypothesis.isError) return <Alert color="red">{errorMessageOf(hypothesis.error)}</Alert>;
  const h = hypothesis.data;
  const manage = can(organization.role, 'hypotheses.manage');
  const latest = runs.data?.[0];

  return (
    <>
      <PageHeader
        title={h.registration.title}
        description={
          <Group gap="xs" component="span">
            <Badge
              variant="light"
              color={h.status === 'locked' ? 'blue' : h.status === 'withdrawn' ? 'gray' : 'yellow'}
              data-testid="hypothesis-status"
            >
              {h.status}
            </Badge>
            <span>Registered {formatDateTime(h.createdAt)}.</span>
          </Group>
        }
        actions={
          manage && (
            <>
              {h.status === 'draft' && (
                <Button leftSection={<IconLock size={16} aria-hidden />} onClick={() => setConfirmLock(true)}>
                  Lock registration
                </Button>
              )}
              {h.status === 'locked' && (
                <Button
                  leftSection={<IconPlayerPlay size={16} aria-hidden />}
                  loading={run.isPending}
                  onClick={() => run.mutate()}
                >
                  Run now
                </Button>
              )}
            </>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="registration-heading">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="registration-heading">
              Registration
            </Title>
            <Table withTableBorder variant="vertical" layout="fixed">
              <Table.Tbody>
                {registrationRows(h.registration).map(([label, value, terms = []]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={160}>
                      <WithHelp terms={terms}>{label}</WithHelp>
                    </Table.Th>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {h.contentHash ? (
              <Text fz="sm" data-testid="lock-details">
                Locked {formatDateTime(h.lockedAt)}; SHA-256 of the canonical registration (RFC 8785):{' '}
                <Code>{h.contentHash}</Code>.
              </Text>
            ) : (
              <Text fz="sm" c="dimmed">
                A draft: it can be edited until it is locked. Results are computed only for a locked registration.
              </Text>
            )}
            {h.status === 'withdrawn' && (
              <Alert color="gray" title={`Withdrawn ${formatDateTime(h.withdrawnAt)}`}>
                {h.withdrawalReason}
              </Alert>
            )}
          </Stack>
        </Paper>

        {latest ? (
          <HypothesisResultReport run={latest} registration={h.registration} />
        ) : (
          h.status === 'locked' && (
            <Text c="dimmed">Not run yet. Run it to test the registration against the organization&apos;s data.</Text>
          )
        )}

        {runs.data && runs.data.length > 1 && (
          <Paper withBorder radius="md" p="md" component="section" aria-label="Earlier runs">
            <Title order={2} fz="lg" mb="sm">
              All runs ({runs.data.length})
            </Title>
            <Table aria-label="Runs">
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.ranAt)}</Table.Td>
                    <Table.Td>{r.result.summary}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}

        {manage && h.status !== 'withdrawn' && (
          <Paper withBorder radius="md" p="md" component="section" aria-label="Withdraw">
            <Stack gap="sm">
              <Textarea
                label="Reason for withdrawing"
                description="The hypothesis keeps its history and runs, but is run no more and no longer counts as evidence."
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Group>
                <Button
                  variant="default"
                  color="red"
                  disabled={reason.trim() === ''}
                  loading={withdraw.isPending}
                  onClick={() => withdraw.mutate(h.version)}
                >
                  Withdraw hypothesis
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirmLock}
        title="Lock this registration?"
        confirmLabel="Lock"
        pending={lock.isPending}
        onConfirm={() => lock.mutate(h.version)}
        onCancel={() => setConfirmLock(false)}
      >
        Once locked, the registration can never be edited; Praxis records the time and a SHA-256 hash of its content.
      </ConfirmDialog>
    </>
  );
}
