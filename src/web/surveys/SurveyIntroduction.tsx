import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicSurvey } from '../../domain/measurement/schemas.ts';
import { surveyMinutes } from './survey-duration.ts';

/** Who is asking, about which support, how long it takes and what happens to the answers, in the respondent's language. */
export function SurveyIntroduction({ survey }: { survey: PublicSurvey }) {
  const { t, i18n } = useTranslation('survey');
  const { organization, engagement, partner } = survey.askedBy;
  const items = survey.instruments.reduce((sum, instrument) => sum + instrument.items.length, 0);
  const support = partner ? t('intro.supportWith', { engagement, partner }) : engagement;
  const date = (iso: string) =>
    new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <Stack gap="xs" data-testid="survey-introduction">
      <Title order={1} size="h2">
        {t('intro.heading', { organization })}
      </Title>
      <Text>{t('intro.asks', { organization, support })}</Text>
      <Text>
        {t('intro.duration', {
          minutes: t('intro.minutes', { count: surveyMinutes(survey) }),
          questions: t('intro.questions', { count: items }),
        })}
      </Text>
      <Text>
        {t('intro.use', { organization })}
        {survey.anonymous ? ` ${t('intro.anonymous')}` : ''}
      </Text>
      {survey.expiresAt && <Text size="sm">{t('intro.expires', { date: date(survey.expiresAt) })}</Text>}
    </Stack>
  );
}
