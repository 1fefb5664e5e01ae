import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CoachingAgreementView } from '../../domain/coaching/views.ts';
import { coachingKeys, fetchCoachingAgreement } from './coaching-api.ts';

type Figures = CoachingAgreementView['coachVsCoach']['overall'];

const fixed = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : value.toFixed(2);
const withInterval = (icc: Figures['icc21']): string =>
  icc ? `${fixed(icc.value)} [${fixed(icc.lower)}, ${fixed(icc.upper)}]` : '—';

function AgreementTable({
  caption,
  set,
  components,
}: {
  caption: string;
  set: CoachingAgreementView['coachVsCoach'];
  components: CoachingAgreementView['components'];
}) {
  const names = new Map(components.map((c) => [c.id, c.name]));
  const rows = [
    { key: 'all', label: 'All components', figures: set.overall },
    ...set.byComponent
      .filter((c) => c.pairs > 0)
      .map((c) => ({ key: c.componentId, label: names.get(c.componentId) ?? c.componentId, figures: c })),
  ];
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Component</Table.Th>
            <Table.Th scope="col">Pairs</Table.Th>
            <Table.Th scope="col">Kappa</Table.Th>
            <Table.Th scope="col">Weighted kappa</Table.Th>
            <Table.Th scope="col">ICC(2,1) [95% CI]</Table.Th>
            <Table.Th scope="col">ICC(3,1) [95% CI]</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td>{row.figures.pairs}</Table.Td>
              <Table.Td>{fixed(row.figures.kappa)}</Table.Td>
              <Table.Td>{fixed(row.figures.weightedKappa)}</Table.Td>
              <Table.Td>{withInterval(row.figures.icc21)}</Table.Td>
              <Table.Td>{withInterval(row.figures.icc31)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Agreement between raters on the team's coaching records, each figure named with its method. */
export function RaterAgreement({ organizationId }: { organizationId: string }) {
  const agreement = useQuery({
    queryKey: coachingKeys.agreement(organizationId),
    queryFn: ({ signal }) => fetchCoachingAgreement(organizationId, signal),
  });
  if (!agreement.data) return null;
  const data = agreement.data;
  return (
    <Stack gap={4}>
      <Title order={2} fz="lg">
        Agreement between raters
      </Title>
      <Text size="sm" c="dimmed">
        {data.methods.kappa}; {data.methods.icc}. Coach against coach: the first two coaches to rate a component of the
        same interaction. Self against coach: each practitioner&apos;s latest self-rating against the latest coach
        rating.
      </Text>
      <AgreementTable caption="Coach against coach" set={data.coachVsCoach} components={data.components} />
      <AgreementTable caption="Self against coach" set={data.selfVsCoach} components={data.components} />
    </Stack>
  );
}
