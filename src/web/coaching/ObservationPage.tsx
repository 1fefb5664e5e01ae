import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Paper,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  principleObservationLabels,
  principleObservations,
  type ComponentRating,
  type PrincipleObservation,
} from '../../domain/coaching/schemas.ts';
import { isApiError } from '../api/client.ts';
import { fetchEngagement, listPeople } from '../api/support.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { coachingKeys, fetchObservationForm, observationFormPdfUrl, saveObservation } from './coaching-api.ts';
import { ComponentRatingFields } from './ComponentRatingFields.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';

const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** A coach records an observation of a session on the form generated from the engagement's model version. */
export default function ObservationPage() {
  const organization = useOrganization();
  const { engagementId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  usePageTitle('Observation of practice', organization.name);
  const form = useQuery({
    queryKey: coachingKeys.form(organization.id, engagementId),
    queryFn: ({ signal }) => fetchObservationForm(organization.id, engagementId, signal),
  });
  const engagement = useQuery({
    queryKey: ['orgs', organization.id, 'engagements', engagementId],
    queryFn: ({ signal }) => fetchEngagement(organization.id, engagementId, signal),
  });
  const people = useQuery({
    queryKey: ['orgs', organization.id, 'people'],
    queryFn: ({ signal }) => listPeople(organization.id, signal),
  });
  const [practitionerId, setPractitionerId] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [ratings, setRatings] = useState<ComponentRating[]>([]);
  const [principles, setPrinciples] = useState<PrincipleObservation[]>([]);
  const [notes, setNotes] = useState('');

  const save = useMutation({
    mutationFn: () =>
      saveObservation(organization.id, {
        engagementId,
        practitionerId: practitionerId ?? '',
        interactionId: null,
        date,
        ratings,
        principles,
        notes,
      }),
    onSuccess: async (observation) => {
      notifyDone('Observation saved');
      await client.invalidateQueries({ queryKey: coachingKeys.all(organization.id) });
      navigate(organizationPath(organization.id, `coaching/${observation.practitionerId}`));
    },
  });

  if (form.isError) return <ErrorDetails title="The observation form could not be loaded" error={form.error} />;
  if (!form.data || !engagement.data || !people.data) return <LoadingPage />;
  const team = people.data.filter((p) => engagement.data.supportTeam.includes(p.userId));
  const errors = Object.fromEntries((isApiError(save.error) ? save.error.details : []).map((d) => [d.path, d.message]));
  const observed = new Set(ratings.map((r) => r.componentId));
  const toggle = (componentId: string, on: boolean) =>
    setRatings(
      on
        ? [...ratings, { componentId, quality: null, activities: [], comment: '' }]
        : ratings.filter((r) => r.componentId !== componentId),
    );

  return (
    <>
      <PageHeader
        title="Observation of practice"
        description={`${form.data.engagement.name}: the form of ${form.data.model.name} ${form.data.model.version}.`}
        actions={
          <Anchor href={observationFormPdfUrl(organization.id, engagementId)} download>
            Printable form (PDF)
          </Anchor>
        }
      />
      <Stack gap="md" maw={820}>
        <Select
          label="Practitioner observed"
          data={team.map((p) => ({ value: p.userId, label: p.name }))}
          value={practitionerId}
          onChange={setPractitionerId}
          error={errors.practitionerId}
          required
        />
        <TextInput
          label="Date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.date}
        />
        <Title order={2} fz="lg">
          Components
        </Title>
        <Text size="sm" c="dimmed">
          Tick each component the session used, then rate its activities against their definitions.
        </Text>
        {form.data.components.map((component) => {
          const index = ratings.findIndex((r) => r.componentId === component.id);
          return (
            <Stack key={component.id} gap={6}>
              <Checkbox
                label={component.name}
                checked={observed.has(component.id)}
                onChange={(event) => toggle(component.id, event.currentTarget.checked)}
              />
              {index >= 0 && (
                <ComponentRatingFields
                  component={component}
                  rating={ratings[index]!}
                  path={`ratings[${index}]`}
                  errors={errors}
                  onChange={(next) => setRatings(ratings.map((r, j) => (j === index ? next : r)))}
                />
              )}
            </Stack>
          );
        })}
        <Title order={2} fz="lg">
          Principles
        </Title>
        {form.data.principles.map((principle) => (
          <Paper key={principle.id} withBorder p="sm">
            <Radio.Group
              label={principle.name}
              description={principle.description}
              value={principles.find((p) => p.principleId === principle.id)?.observed ?? null}
              onChange={(value) =>
                setPrinciples([
                  ...principles.filter((p) => p.principleId !== principle.id),
                  { principleId: principle.id, observed: value as PrincipleObservation['observed'], note: '' },
                ])
              }
            >
              <Group gap="sm" mt={4}>
                {principleObservations.map((value) => (
                  <Radio key={value} value={value} label={principleObservationLabels[value]} />
                ))}
              </Group>
            </Radio.Group>
          </Paper>
        ))}
        <Textarea label="Notes" autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        {save.isError && <ErrorDetails title="The observation was not saved" error={save.error} />}
        <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          Save observation
        </Button>
      </Stack>
    </>
  );
}
