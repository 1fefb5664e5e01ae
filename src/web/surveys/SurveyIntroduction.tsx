import { Stack, Text, Title } from '@mantine/core';
import type { PublicSurvey } from '../../domain/measurement/schemas.ts';
import { countOf } from '../../domain/count-of.ts';
import { surveyMinutes } from './survey-duration.ts';

/** Who is asking, about which support, how long it takes and what happens to the answers. */
export function SurveyIntroduction({ survey }: { survey: PublicSurvey }) {
  const { organization, engagement, partner } = survey.askedBy;
  const items = survey.instruments.reduce((sum, instrument) => sum + instrument.items.length, 0);
  const support = partner ? `${engagement} with ${partner}` : engagement;
  return (
    <Stack gap="xs" data-testid="survey-introduction">
      <Title order={1} size="h2">
        A few questions from {organization}
      </Title>
      <Text>
        {organization} asks about the support you receive through {support}.
      </Text>
      <Text>
        It takes about {countOf(surveyMinutes(survey), 'minute')} ({countOf(items, 'question')}). Your answers are saved
        as you go; you can come back to this page until you submit.
      </Text>
      <Text>
        {organization} uses the answers to see how its support is working and to improve it.
        {survey.anonymous ? ' This survey is anonymous: your name is not stored with your answers.' : ''}
      </Text>
      {survey.expiresAt && <Text size="sm">The link works until {survey.expiresAt.slice(0, 10)}.</Text>}
    </Stack>
  );
}
