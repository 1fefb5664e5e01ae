import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ComponentRating } from '../../domain/coaching/schemas.ts';
import { isApiError } from '../api/client.ts';
import { fetchInteraction } from '../api/support.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { coachingKeys, fetchObservationForm, saveReview } from './coaching-api.ts';
import { ComponentRatingFields } from './ComponentRatingFields.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';

/** A coach reviews a logged interaction: each component used, its activities against their definitions, quality, feedback. */
export default function ReviewInteractionPage() {
  const organization = useOrganization();
  const { interactionId = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  usePageTitle('Review of practice', organization.name);
  const interaction = useQuery({
    queryKey: ['orgs', organization.id, 'interactions', interactionId],
    queryFn: ({ signal }) => fetchInteraction(organization.id, interactionId, signal),
  });
  const engagementId = interaction.data?.engagementId ?? '';
  const form = useQuery({
    queryKey: coachingKeys.form(organization.id, engagementId),
    queryFn: ({ signal }) => fetchObservationForm(organization.id, engagementId, signal),
    enabled: engagementId !== '',
  });
  const [ratings, setRatings] = useState<ComponentRating[]>([]);
  const [feedback, setFeedback] = useState('');
  useEffect(() => {
    if (interaction.data && ratings.length === 0)
      setRatings(
        interaction.data.components.map((c) => ({
          componentId: c.componentId,
          quality: null,
          activities: [],
          comment: '',
        })),
      );
  }, [interaction.data, ratings.length]);

  const save = useMutation({
    mutationFn: () => saveReview(organization.id, { interactionId, ratings, feedback }),
    onSuccess: async (review) => {
      notifyDone('Review saved: the practitioner can read it now');
      await client.invalidateQueries({ queryKey: coachingKeys.all(organization.id) });
      navigate(organizationPath(organization.id, `coaching/${review.practitionerId}`));
    },
  });

  if (interaction.isError || form.isError)
    return <ErrorDetails title="The interaction could not be loaded" error={interaction.error ?? form.error} />;
  if (!interaction.data || !form.data) return <LoadingPage />;
  const components = new Map(form.data.components.map((c) => [c.id, c]));
  const errors = Object.fromEntries((isApiError(save.error) ? save.error.details : []).map((d) => [d.path, d.message]));

  return (
    <>
      <PageHeader
        title="Review of practice"
        description={`Interaction of ${interaction.data.date} (${interaction.data.durationMinutes} minutes), rated against the behavioral definitions of ${form.data.model.name} ${form.data.model.version}.`}
      />
      <Stack gap="md" maw={820}>
        {ratings.length === 0 && <Alert color="yellow">This interaction records no components to review.</Alert>}
        {ratings.map((rating, i) => {
          const component = components.get(rating.componentId);
          return component ? (
            <ComponentRatingFields
              key={rating.componentId}
              component={component}
              rating={rating}
              path={`ratings[${i}]`}
              errors={errors}
              onChange={(next) => setRatings(ratings.map((r, j) => (j === i ? next : r)))}
            />
          ) : (
            <Text key={rating.componentId}>{rating.componentId} is not in this model version.</Text>
          );
        })}
        <Textarea
          label="Feedback to the practitioner"
          autosize
          minRows={3}
          value={feedback}
          onChange={(event) => setFeedback(event.currentTarget.value)}
        />
        {save.isError && <ErrorDetails title="The review was not saved" error={save.error} />}
        <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          Save review
        </Button>
      </Stack>
    </>
  );
}
