import { Alert, Badge, Button, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { AnswerValue, TextBlock } from '../../domain/measurement/instrument.ts';
import type { PublicSurvey, SurveyAnswers } from '../../domain/measurement/schemas.ts';
import { fetchSurvey, saveAnswers, submitSurvey, SurveyError } from './survey-api.ts';
import { RichText } from './RichText.tsx';
import { SurveyIntroduction } from './SurveyIntroduction.tsx';
import { SurveyItem } from './SurveyItem.tsx';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const saveLabels: Record<SaveState, string> = {
  idle: 'Answers are saved as you go',
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved yet — retrying',
};
const saveColors: Record<SaveState, string> = { idle: 'gray', saving: 'blue', saved: 'green', failed: 'red' };

/** A heading that starts a section of an instrument. */
function SectionHeading({ html }: { html: string }) {
  return (
    <Title order={3} size="h5">
      <RichText html={html} />
    </Title>
  );
}

/** Text the respondent reads between questions (an introduction, an instruction), under its section heading if it starts one. */
function TextBlockView({ block }: { block: TextBlock }) {
  return (
    <Stack gap="xs" data-testid={`block-${block.id}`}>
      {block.section ? <SectionHeading html={block.section} /> : null}
      {block.text ? (
        <Text component="div" size="sm">
          <RichText html={block.text} />
        </Text>
      ) : null}
    </Stack>
  );
}

/** The public partner survey at /survey/:token: no login, answers saved as they are given, one submission. */
export default function SurveyPage() {
  const { token = '' } = useParams();
  const [survey, setSurvey] = useState<PublicSurvey | null>(null);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const pending = useRef<SurveyAnswers>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    document.title = 'Survey · Praxis';
    fetchSurvey(token)
      .then((s) => {
        setSurvey(s);
        setAnswers(s.answers);
      })
      .catch((error: unknown) =>
        setLoadError(
          error instanceof SurveyError
            ? error.message
            : 'The survey could not be loaded; check your connection and reload',
        ),
      );
  }, [token]);

  const flush = useCallback(async () => {
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return;
    pending.current = {};
    setSaveState('saving');
    try {
      await saveAnswers(token, batch);
      setSaveState('saved');
    } catch (error) {
      if (error instanceof SurveyError && error.status === 400) {
        setErrors((e) => ({ ...e, ...Object.fromEntries(error.details.map((d) => [d.path, d.message])) }));
        setSaveState('idle');
        return;
      }
      // Keep the unsaved answers and try again shortly: nothing typed is dropped.
      for (const [id, given] of Object.entries(batch))
        pending.current[id] = { ...given, ...(pending.current[id] ?? {}) };
      setSaveState('failed');
      if (error instanceof SurveyError && error.status >= 403 && error.status < 500 && error.status !== 429)
        setLoadError(error.message);
      else timer.current = setTimeout(() => void flush(), 3000);
    }
  }, [token]);

  const answer = (instrumentId: string, itemId: string, value: AnswerValue, delay: number) => {
    setAnswers((a) => ({ ...a, [instrumentId]: { ...(a[instrumentId] ?? {}), [itemId]: value } }));
    setErrors((e) => {
      const next = { ...e };
      delete next[`answers.${instrumentId}.${itemId}`];
      return next;
    });
    pending.current[instrumentId] = { ...(pending.current[instrumentId] ?? {}), [itemId]: value };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  };

  const submit = async () => {
    clearTimeout(timer.current);
    setSubmitting(true);
    setSubmitError(null);
    try {
      await submitSurvey(token, answers);
      pending.current = {};
      setSubmitted(true);
    } catch (error) {
      if (error instanceof SurveyError) {
        setErrors(Object.fromEntries(error.details.map((d) => [d.path, d.message])));
        setSubmitError(error.message);
      } else
        setSubmitError(
          'The survey could not be submitted; check your connection and try again. Your answers are saved.',
        );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Container size="sm" px="md" py="lg">
      <Stack gap="lg">
        {loadError ? (
          <Alert color="red" title="This survey is not available" role="alert">
            {loadError}
          </Alert>
        ) : submitted ? (
          <Alert color="green" title="Thank you" role="status">
            Your answers have been submitted. You can close this page.
          </Alert>
        ) : !survey ? (
          <Group justify="center" py="xl">
            <Loader role="status" aria-label="Loading the survey" />
          </Group>
        ) : (
          <>
            <SurveyIntroduction survey={survey} />
            <Group justify="flex-end" style={{ position: 'sticky', top: 0, zIndex: 1 }}>
              <Badge
                color={saveColors[saveState]}
                variant="light"
                size="lg"
                role="status"
                aria-live="polite"
                data-testid="save-state"
              >
                {saveLabels[saveState]}
              </Badge>
            </Group>
            {survey.instruments.map((instrument) => (
              <Paper key={instrument.id} withBorder p="md" radius="md">
                <Stack gap="lg">
                  <Title order={2} size="h4">
                    {instrument.name}
                  </Title>
                  {instrument.items.map((item, i) => (
                    <Fragment key={item.id}>
                      {instrument.blocks
                        .filter((block) => block.beforeItem === item.id)
                        .map((block) => (
                          <TextBlockView key={block.id} block={block} />
                        ))}
                      {item.section ? <SectionHeading html={item.section} /> : null}
                      <SurveyItem
                        key={item.id}
                        item={item}
                        number={i + 1}
                        value={answers[instrument.id]?.[item.id]}
                        error={errors[`answers.${instrument.id}.${item.id}`]}
                        onChange={(value) =>
                          answer(
                            instrument.id,
                            item.id,
                            value,
                            item.type === 'free-text' || item.type === 'numeric' ? 800 : 0,
                          )
                        }
                      />
                    </Fragment>
                  ))}
                  {instrument.blocks
                    .filter((block) => block.beforeItem === undefined)
                    .map((block) => (
                      <TextBlockView key={block.id} block={block} />
                    ))}
                </Stack>
              </Paper>
            ))}
            {submitError ? (
              <Alert color="red" role="alert">
                {submitError}
              </Alert>
            ) : null}
            <Button size="lg" fullWidth loading={submitting} onClick={() => void submit()}>
              Submit my answers
            </Button>
          </>
        )}
      </Stack>
    </Container>
  );
}
