import {
  Alert,
  Badge,
  Button,
  Container,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { AnswerValue, TextBlock } from '../../domain/measurement/instrument.ts';
import { chooseLanguage, languageAutonym } from '../../domain/measurement/language.ts';
import type { PublicSurvey, SurveyAnswers } from '../../domain/measurement/schemas.ts';
import { localizeInstrument } from '../../domain/measurement/translations.ts';
import { createPageI18n, pageLanguages } from '../i18n/page-i18n.ts';
import { fetchSurvey, saveAnswers, submitSurvey, SurveyError } from './survey-api.ts';
import { RichText } from './RichText.tsx';
import { SurveyIntroduction } from './SurveyIntroduction.tsx';
import { SurveyItem } from './SurveyItem.tsx';

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

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

/** Why a survey link does not open, in the respondent's language, from the server's status and the field it names. */
function unavailableMessage(error: unknown, t: TFunction<'survey'>): string {
  if (!(error instanceof SurveyError)) return t('unavailable.offline');
  const reason = error.details.find((d) => d.path === 'token')?.message ?? '';
  if (error.status === 404) return t('unavailable.unknown');
  if (error.status === 409) return t('unavailable.used');
  if (error.status === 429) return t('unavailable.busy');
  if (reason === 'has expired') {
    const date = /\d{4}-\d{2}-\d{2}/.exec(error.message)?.[0];
    return date ? t('unavailable.expired', { date }) : error.message;
  }
  if (error.status === 403) return t('unavailable.withdrawn');
  return error.message;
}

/** A field's error from the server, in the respondent's language where the page knows it. */
const fieldError = (message: string, t: TFunction<'survey'>) =>
  message === 'is required' ? t('item.required') : message;

/** The language the respondent reads in, offered when the survey has more than one: by name, each in its own language. */
function LanguageSwitcher({
  languages,
  value,
  onChange,
}: {
  languages: readonly string[];
  value: string;
  onChange: (language: string) => void;
}) {
  const { t } = useTranslation('survey');
  const data = languages.map((language) => ({ value: language, label: languageAutonym(language) }));
  if (languages.length < 2) return null;
  return languages.length <= 3 ? (
    <Group gap="xs" wrap="nowrap" data-testid="language-switcher">
      <Text size="sm" component="span" id="survey-language-label">
        {t('language')}
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby="survey-language-label"
        data={data.map((d) => ({ ...d, label: <span lang={d.value}>{d.label}</span> }))}
        value={value}
        onChange={onChange}
      />
    </Group>
  ) : (
    <NativeSelect
      size="xs"
      label={t('language')}
      data={data}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid="language-switcher"
    />
  );
}

/**
 * The public partner survey at /survey/:token: no login, answers saved as they are given, one submission,
 * in the language the respondent chooses (its own words from src/web/locales, the instruments' from their
 * translations).
 */
export default function SurveyPage() {
  const [searchParams] = useSearchParams();
  const [i18n] = useState(() =>
    createPageI18n(
      chooseLanguage(pageLanguages, { query: searchParams.get('lang'), browser: navigator.languages ?? [] }),
    ),
  );
  return (
    <I18nextProvider i18n={i18n}>
      <SurveyForm />
    </I18nextProvider>
  );
}

function SurveyForm() {
  const { token = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { t, i18n } = useTranslation('survey');
  const [language, setLanguage] = useState(i18n.language);
  const languageRef = useRef(language);
  const languageUnsaved = useRef(false);
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

  const applyLanguage = useCallback(
    (next: string) => {
      languageRef.current = next;
      setLanguage(next);
      void i18n.changeLanguage(next);
    },
    [i18n],
  );

  useEffect(() => {
    document.title = t('documentTitle');
    const html = document.documentElement;
    const before = html.lang;
    html.lang = language;
    return () => {
      html.lang = before;
    };
  }, [language, t]);

  useEffect(() => {
    fetchSurvey(token)
      .then((s) => {
        setSurvey(s);
        setAnswers(s.answers);
        const chosen = chooseLanguage(s.languages, {
          chosen: s.language,
          query: searchParams.get('lang'),
          browser: navigator.languages ?? [],
        });
        if (chosen !== languageRef.current) applyLanguage(chosen);
        // Keep the language the respondent starts in with the response once something is saved.
        languageUnsaved.current = s.language !== chosen;
      })
      .catch((error: unknown) => setLoadError(unavailableMessage(error, t)));
    // Loaded once per link: the language and the link's parameter only choose where it starts.
  }, [token]);

  const instruments = useMemo(
    () => (survey ? survey.instruments.map((instrument) => localizeInstrument(instrument, language)) : []),
    [survey, language],
  );

  const flush = useCallback(async () => {
    const batch = pending.current;
    const withLanguage = languageUnsaved.current;
    if (Object.keys(batch).length === 0 && !withLanguage) return;
    pending.current = {};
    languageUnsaved.current = false;
    setSaveState('saving');
    try {
      await saveAnswers(token, batch, languageRef.current);
      setSaveState('saved');
    } catch (error) {
      if (error instanceof SurveyError && error.status === 400) {
        setErrors((e) => ({
          ...e,
          ...Object.fromEntries(error.details.map((d) => [d.path, fieldError(d.message, t)])),
        }));
        setSaveState('idle');
        return;
      }
      // Keep the unsaved answers and try again shortly: nothing typed is dropped.
      for (const [id, given] of Object.entries(batch))
        pending.current[id] = { ...given, ...(pending.current[id] ?? {}) };
      languageUnsaved.current ||= withLanguage;
      setSaveState('failed');
      if (error instanceof SurveyError && error.status >= 403 && error.status < 500 && error.status !== 429)
        setLoadError(unavailableMessage(error, t));
      else timer.current = setTimeout(() => void flush(), 3000);
    }
  }, [token, t]);

  /** A switch of language is kept with the response at once, as an answer is. */
  const chooseLanguageOf = (next: string) => {
    applyLanguage(next);
    // A reload of the page keeps the choice, as the response does.
    setSearchParams(
      (params) => {
        params.set('lang', next);
        return params;
      },
      { replace: true },
    );
    languageUnsaved.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 0);
  };

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
      await submitSurvey(token, answers, languageRef.current);
      pending.current = {};
      setSubmitted(true);
    } catch (error) {
      if (error instanceof SurveyError && error.status === 400) {
        setErrors(Object.fromEntries(error.details.map((d) => [d.path, fieldError(d.message, t)])));
        const required = error.details.filter((d) => d.message === 'is required').length;
        setSubmitError(
          required > 0 && required === error.details.length
            ? t('errors.required', { count: required })
            : t('errors.invalid'),
        );
      } else if (error instanceof SurveyError && error.status !== 429 && error.status < 500)
        setSubmitError(unavailableMessage(error, t));
      else setSubmitError(t('errors.submitFailed'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Container size="sm" px="md" py="lg" lang={language}>
      <Stack gap="lg">
        {loadError ? (
          <Alert color="red" title={t('unavailable.title')} role="alert">
            {loadError}
          </Alert>
        ) : submitted ? (
          <Alert color="green" title={t('thanks.title')} role="status">
            {t('thanks.body')}
          </Alert>
        ) : !survey ? (
          <Group justify="center" py="xl">
            <Loader role="status" aria-label={t('loading')} />
          </Group>
        ) : (
          <>
            <Group justify="flex-end">
              <LanguageSwitcher languages={survey.languages} value={language} onChange={chooseLanguageOf} />
            </Group>
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
                {t(`save.${saveState}`)}
              </Badge>
            </Group>
            {instruments.map((instrument) => (
              <Paper key={instrument.id} withBorder p="md" radius="md" lang={instrument.language}>
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
              {t('submit')}
            </Button>
          </>
        )}
      </Stack>
    </Container>
  );
}
