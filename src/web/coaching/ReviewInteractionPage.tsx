import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  activityRatingLabels,
  qualityLabels,
  type ComponentRating,
  type Review,
  type ReviewInput,
} from '../../domain/coaching/schemas.ts';
import type { Interaction } from '../../domain/support/schemas.ts';
import { isApiError } from '../api/client.ts';
import { fetchInteraction } from '../api/support.ts';
import { StaleVersionPanel } from '../history/StaleVersionPanel.tsx';
import { useVersionedEdit } from '../history/useVersionedEdit.ts';
import type { DiffRow } from '../history/version-diff.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import {
  coachingKeys,
  fetchObservationForm,
  fetchReview,
  saveReview,
  updateReview,
  type ObservationFormView,
} from './coaching-api.ts';
import { ComponentRatingFields } from './ComponentRatingFields.tsx';
import { ErrorDetails } from './ErrorDetails.tsx';

interface ReviewFormProps {
  interaction: Interaction;
  form: ObservationFormView;
  initial: Pick<ReviewInput, 'ratings' | 'feedback'>;
  submitLabel: string;
  /** Saves the review; a refusal it throws is shown with the fields at fault, and the form keeps what was typed. */
  onSave: (input: ReviewInput) => Promise<unknown>;
}

/** Each component the interaction used, its activities against their definitions and a quality, and the feedback. */
function ReviewForm({ interaction, form, initial, submitLabel, onSave }: ReviewFormProps) {
  const [ratings, setRatings] = useState<ComponentRating[]>(initial.ratings);
  const [feedback, setFeedback] = useState(initial.feedback);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const components = new Map(form.components.map((c) => [c.id, c]));
  const errors = Object.fromEntries((isApiError(refusal) ? refusal.details : []).map((d) => [d.path, d.message]));
  const submit = async () => {
    setPending(true);
    setRefusal(null);
    try {
      await onSave({ interactionId: interaction.id, ratings, feedback });
    } catch (error) {
      setRefusal(error);
    } finally {
      setPending(false);
    }
  };
  return (
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
        error={errors.feedback}
      />
      {refusal !== null && <ErrorDetails title="The review was not saved" error={refusal} />}
      <Button onClick={() => void submit()} loading={pending} style={{ alignSelf: 'flex-start' }}>
        {submitLabel}
      </Button>
    </Stack>
  );
}

/** A review's ratings and feedback as the rows of the stale-save comparison: one per component, then the feedback. */
function reviewDiff(yours: ReviewInput, saved: Review, form: ObservationFormView): DiffRow[] {
  const name = (id: string) => form.components.find((c) => c.id === id)?.name ?? id;
  const describe = (rating: ComponentRating | undefined): string =>
    rating
      ? [
          rating.quality === null ? 'no quality rating' : `quality ${qualityLabels[rating.quality]}`,
          ...rating.activities.map((a) => `${a.activityId}: ${activityRatingLabels[a.rating]}`),
          rating.comment,
        ]
          .filter((line) => line !== '')
          .join('\n')
      : '—';
  const ids = [...new Set([...yours.ratings, ...saved.ratings].map((r) => r.componentId))];
  const rows = ids.map((id) => {
    const mine = describe(yours.ratings.find((r) => r.componentId === id));
    const theirs = describe(saved.ratings.find((r) => r.componentId === id));
    return { field: id, label: name(id), yours: mine, theirs, differs: mine !== theirs };
  });
  rows.push({
    field: 'feedback',
    label: 'Feedback',
    yours: yours.feedback,
    theirs: saved.feedback,
    differs: yours.feedback !== saved.feedback,
  });
  return rows;
}

/** A change to a saved review: saves carry the version it started from; a stale save keeps the edit beside the saved one. */
function EditReview({
  review,
  interaction,
  form,
}: {
  review: Review;
  interaction: Interaction;
  form: ObservationFormView;
}) {
  const organization = useOrganization();
  const navigate = useNavigate();
  const client = useQueryClient();
  const edit = useVersionedEdit<ReviewInput, Review>(review, {
    update: (input, version) => updateReview(organization.id, review.id, version, input),
    fetchCurrent: () => fetchReview(organization.id, review.id),
    onSaved: async (saved) => {
      notifyDone('Review changed: the practitioner is asked to acknowledge it again');
      await client.invalidateQueries({ queryKey: coachingKeys.all(organization.id) });
      await navigate(organizationPath(organization.id, `coaching/${saved.practitionerId}`));
    },
  });
  return (
    <Stack gap="md">
      <StaleVersionPanel
        recordLabel="review"
        edit={edit}
        compare={(yours, current) => reviewDiff(yours, current, form)}
      />
      <ReviewForm
        key={edit.formKey}
        interaction={interaction}
        form={form}
        initial={edit.base}
        submitLabel="Save changes"
        onSave={edit.save}
      />
    </Stack>
  );
}

/**
 * A coach reviews a logged interaction: each component used, its activities against their definitions,
 * quality, feedback. With `?review=<id>`, the reviewer changes that review instead.
 */
export default function ReviewInteractionPage() {
  const organization = useOrganization();
  const { interactionId = '' } = useParams();
  const [search] = useSearchParams();
  const reviewId = search.get('review') ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  usePageTitle(reviewId ? 'Change a review of practice' : 'Review of practice', organization.name);
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
  const review = useQuery({
    queryKey: coachingKeys.review(organization.id, reviewId),
    queryFn: ({ signal }) => fetchReview(organization.id, reviewId, signal),
    enabled: reviewId !== '',
    // The edit starts from the version read here; a newer one is met as a conflict on save.
    staleTime: Infinity,
  });

  const error = interaction.error ?? form.error ?? review.error;
  if (error) return <ErrorDetails title="The review could not be loaded" error={error} />;
  if (!interaction.data || !form.data || (reviewId && !review.data)) return <LoadingPage />;
  const description = `Interaction of ${interaction.data.date} (${interaction.data.durationMinutes} minutes), rated against the behavioral definitions of ${form.data.model.name} ${form.data.model.version}.`;
  if (review.data)
    return (
      <>
        <PageHeader
          title="Change a review of practice"
          description={`${description} Editing version ${review.data.version}.`}
        />
        <EditReview review={review.data} interaction={interaction.data} form={form.data} />
      </>
    );
  return (
    <>
      <PageHeader title="Review of practice" description={description} />
      <ReviewForm
        interaction={interaction.data}
        form={form.data}
        initial={{
          ratings: interaction.data.components.map((c) => ({
            componentId: c.componentId,
            quality: null,
            activities: [],
            comment: '',
          })),
          feedback: '',
        }}
        submitLabel="Save review"
        onSave={async (input) => {
          const saved = await saveReview(organization.id, input);
          notifyDone('Review saved: the practitioner can read it now');
          await client.invalidateQueries({ queryKey: coachingKeys.all(organization.id) });
          await navigate(organizationPath(organization.id, `coaching/${saved.practitionerId}`));
        }}
      />
    </>
  );
}
