import { Badge, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { Review } from '../../domain/coaching/schemas.ts';
import { Chart } from '../charts/Chart.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSession } from '../session/useSession.ts';
import { coachingKeys, fetchCoachingRecord, fetchCompetency, respondToReview } from './coaching-api.ts';
import { competencyOption } from './competency-chart.ts';
import { ErrorDetails } from './ErrorDetails.tsx';

function ReviewCard({ review, mine }: { review: Review; mine: boolean }) {
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
          <Text key={r.componentId} size="sm">
            {r.componentId}: quality {r.quality ?? '—'}
            {r.comment ? ` — ${r.comment}` : ''}
          </Text>
        ))}
        <Text size="sm">{review.feedback}</Text>
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
  const option = useMemo(() => competencyOption(competency.data?.components ?? []), [competency.data]);
  if (record.isError) return <ErrorDetails title="This coaching record could not be loaded" error={record.error} />;
  if (!record.data || !competency.data) return <LoadingPage />;
  const mine = session.data?.user.id === userId;
  return (
    <>
      <PageHeader title={`Coaching: ${record.data.practitioner.name}`} />
      <Stack gap="lg" maw={900}>
        <Title order={2} fz="lg">
          Competency over time
        </Title>
        <Chart
          option={option}
          label={`Coach ratings and self-ratings of ${record.data.practitioner.name} per component over time, 1 to 5`}
          height={320}
        />
        <Title order={2} fz="lg">
          Reviews of practice ({record.data.reviews.length}, latest first)
        </Title>
        {[...record.data.reviews]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .slice(0, 20)
          .map((review) => (
            <ReviewCard key={`${review.id}:${review.version}`} review={review} mine={mine} />
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
