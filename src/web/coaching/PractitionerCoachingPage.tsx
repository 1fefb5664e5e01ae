import { Anchor, Badge, Button, List, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { labelsOf, type ModelLabels } from '../../domain/coaching/model-labels.ts';
import { activityRatingLabels, qualityLabels, type Review } from '../../domain/coaching/schemas.ts';
import { Chart } from '../charts/Chart.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSession } from '../session/useSession.ts';
import { coachingKeys, fetchCoachingRecord, fetchCompetency, respondToReview } from './coaching-api.ts';
import { competencyOption } from './competency-chart.ts';
import { ErrorDetails } from './ErrorDetails.tsx';

interface ReviewCardProps {
  review: Review;
  /** The reviewed practitioner reads it: they acknowledge and reply. */
  mine: boolean;
  /** The reviewer or an admin reads it: they may change it. */
  mayChange: boolean;
  /** The labels of the model version the review rated the interaction on. */
  labels: ModelLabels | undefined;
}

function ReviewCard({ review, mine, mayChange, labels }: ReviewCardProps) {
  const label = labelsOf(labels);
  const organization = useOrganization();
  const client = useQueryClient();
  const [reply, setReply] = useState(review.reply);
  const respond = useMutation({
    mutationFn: () => respondToReview(organization.id, review.id, review.version, { acknowledged: true, reply }),
    onSuccess: () => {
      notifyDone('Review acknowledged');
      return client.invalidateQueries({ queryKey: coachingKeys.all(organization.id) });
    },
  });
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Text fw={600}>
          Review of the interaction of {review.interactionDate}{' '}
          {review.acknowledgedAt ? <Badge color="green">acknowledged</Badge> : <Badge color="yellow">new</Badge>}
        </Text>
        {review.ratings.map((r) => (
          <Stack key={r.componentId} gap={2}>
            <Text size="sm" fw={500}>
              {label.component(r.componentId)}:{' '}
              {r.quality === null ? 'no quality rating' : `quality ${qualityLabels[r.quality]}`}
            </Text>
            {r.activities.length > 0 && (
              <List size="sm">
                {r.activities.map((a) => (
                  <List.Item key={a.activityId}>
                    {label.activity(r.componentId, a.activityId)}: {activityRatingLabels[a.rating]}
                  </List.Item>
                ))}
              </List>
            )}
            {r.comment && <Text size="sm">{r.comment}</Text>}
          </Stack>
        ))}
        {review.feedback && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            Feedback: {review.feedback}
          </Text>
        )}
        {mine ? (
          <>
            <Textarea label="Your reply" autosize value={reply} onChange={(e) => setReply(e.currentTarget.value)} />
            {respond.isError && <ErrorDetails title="Not saved" error={respond.error} />}
            <Button
              size="xs"
              onClick={() => respond.mutate()}
              loading={respond.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              Acknowledge{reply ? ' and reply' : ''}
            </Button>
          </>
        ) : (
          review.reply && <Text size="sm">Reply: {review.reply}</Text>
        )}
        {mayChange && (
          <Anchor
            component={Link}
            size="sm"
            to={organizationPath(organization.id, `interactions/${review.interactionId}/review?review=${review.id}`)}
          >
            Change this review
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** A practitioner's coaching: competency over time, reviews (acknowledged and answered by them), goals and sessions. */
export default function PractitionerCoachingPage() {
  const organization = useOrganization();
  const { userId = '' } = useParams();
  const session = useSession();
  const record = useQuery({
    queryKey: coachingKeys.record(organization.id, userId),
    queryFn: ({ signal }) => fetchCoachingRecord(organization.id, userId, signal),
  });
  const competency = useQuery({
    queryKey: coachingKeys.competency(organization.id, userId),
    queryFn: ({ signal }) => fetchCompetency(organization.id, userId, signal),
  });
  usePageTitle(record.data?.practitioner.name ?? 'Coaching', organization.name);
  const [chosen, setChosen] = useState<string | null>(null);
  const components = competency.data?.components ?? [];
  const shown =
    components.find((c) => c.componentId === chosen) ??
    components.find((c) => c.coachRatings.length > 0) ??
    components[0];
  const option = useMemo(() => (shown ? competencyOption(shown) : null), [shown]);
  if (record.isError) return <LoadErrorPage error={record.error} onRetry={() => void record.refetch()} />;
  if (competency.isError) return <LoadErrorPage error={competency.error} onRetry={() => void competency.refetch()} />;
  if (!record.data || !competency.data) return <LoadingPage />;
  const mine = session.data?.user.id === userId;
  const name = record.data.practitioner.name;
  return (
    <>
      <PageHeader title={`Coaching: ${name}`} />
      <Stack gap="lg" maw={900}>
        <Title order={2} fz="lg">
          Competency over time
        </Title>
        {shown && option ? (
          <>
            <Select
              label="Component"
              data={components.map((c) => ({ value: c.componentId, label: c.name }))}
              value={shown.componentId}
              onChange={setChosen}
              allowDeselect={false}
              maw={420}
            />
            <Chart
              option={option}
              label={`${shown.name}: coach ratings and self-ratings of ${name} over time on the 1 to 5 scale, and the minutes practised per month`}
              height={320}
            />
            <Text size="sm" c="dimmed">
              {shown.coachRatings.length} coach ratings, {shown.selfRatings.length} self-ratings,{' '}
              {shown.minutesByMonth.reduce((sum, m) => sum + m.minutes, 0)} minutes practised in{' '}
              {shown.minutesByMonth.length} months.
            </Text>
          </>
        ) : (
          <Text c="dimmed">
            No ratings or logged practice yet: reviews, observations, self-assessments and logged interactions show here
            over time.
          </Text>
        )}
        <Title order={2} fz="lg">
          Reviews of practice ({record.data.reviews.length}, latest first)
        </Title>
        {record.data.reviews.length === 0 && <Text c="dimmed">No reviews yet.</Text>}
        {[...record.data.reviews]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .slice(0, 20)
          .map((review) => (
            <ReviewCard
              key={`${review.id}:${review.version}`}
              review={review}
              mine={mine}
              mayChange={!mine && (session.data?.user.id === review.reviewerId || organization.role === 'admin')}
              labels={record.data.models.find(
                (m) => m.modelId === review.modelId && m.modelVersion === review.modelVersion,
              )}
            />
          ))}
        <Title order={2} fz="lg">
          Development goals
        </Title>
        {record.data.goals.length === 0 && <Text c="dimmed">No goals yet.</Text>}
        {record.data.goals.map((goal) => (
          <Text key={goal.id}>
            {goal.title} — {goal.status}
            {goal.targetDate ? `, by ${goal.targetDate}` : ''}
          </Text>
        ))}
        <Title order={2} fz="lg">
          Observations and coaching sessions
        </Title>
        <Text>
          {record.data.observations.length} observations, {record.data.sessions.length} coaching sessions,{' '}
          {record.data.selfAssessments.length} self-assessments.
        </Text>
      </Stack>
    </>
  );
}
