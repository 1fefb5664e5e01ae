import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { coachingKeys, fetchTeamCompetency, listCoachedPractitioners } from './coaching-api.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { RaterAgreement } from './RaterAgreement.tsx';

const trend = (change: number | null): string =>
  change === null ? '' : change > 0 ? ` ↑${change}` : change < 0 ? ` ↓${-change}` : ' →';

/** Coaching: your own record, the practitioners you coach, and the team view of their competency. */
export default function CoachingPage() {
  const organization = useOrganization();
  usePageTitle('Coaching', organization.name);
  const practitioners = useQuery({
    queryKey: coachingKeys.practitioners(organization.id),
    queryFn: ({ signal }) => listCoachedPractitioners(organization.id, signal),
  });
  const team = useQuery({
    queryKey: coachingKeys.team(organization.id),
    queryFn: ({ signal }) => fetchTeamCompetency(organization.id, signal),
  });
  if (practitioners.isError) return <ErrorDetails title="Coaching could not be loaded" error={practitioners.error} />;
  if (team.isError) return <ErrorDetails title="The team view could not be loaded" error={team.error} />;
  if (!practitioners.data || !team.data) return <LoadingPage />;
  const coach = organization.role === 'lead' || organization.role === 'admin';
  const cells = new Map(team.data.cells.map((c) => [`${c.practitionerId}/${c.componentId}`, c]));
  return (
    <>
      <PageHeader
        title="Coaching"
        description="Reviews of practice, observations, coaching sessions, development goals and competency over time. Seen only by the practitioner, the leads who coach them and admins."
      />
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            Practitioners
          </Title>
          {practitioners.data.items.length === 0 && <Text c="dimmed">No coaching records to show yet.</Text>}
          {practitioners.data.items.map((p) => (
            <Anchor key={p.userId} component={Link} to={organizationPath(organization.id, `coaching/${p.userId}`)}>
              {p.self ? `${p.name} (you)` : p.name}
            </Anchor>
          ))}
        </Stack>
        {coach && team.data.practitioners.length === 0 && (
          <Stack gap={4}>
            <Title order={2} fz="lg">
              Team view
            </Title>
            <Text c="dimmed">
              You coach no one yet: a lead coaches the practitioners on the support teams of their engagements.
            </Text>
          </Stack>
        )}
        {team.data.practitioners.length > 0 && (
          <Stack gap={4}>
            <Title order={2} fz="lg">
              Team view
            </Title>
            <Text size="sm" c="dimmed">
              Latest coach rating (1–5) with its change since the previous rating, and minutes practised since{' '}
              {team.data.since}, per practitioner and component.
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table striped withTableBorder aria-label="Team competency">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Practitioner</Table.Th>
                    {team.data.components.map((c) => (
                      <Table.Th key={c.id} scope="col">
                        {c.name}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {team.data.practitioners.map((p) => (
                    <Table.Tr key={p.userId}>
                      <Table.Th scope="row">{p.name}</Table.Th>
                      {team.data.components.map((c) => {
                        const cell = cells.get(`${p.userId}/${c.id}`);
                        return (
                          <Table.Td key={c.id}>
                            {cell?.latestRating ?? '—'}
                            {trend(cell?.change ?? null)} · {cell?.recentMinutes ?? 0} min
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        {team.data.practitioners.length > 0 && <RaterAgreement organizationId={organization.id} />}
      </Stack>
    </>
  );
}
