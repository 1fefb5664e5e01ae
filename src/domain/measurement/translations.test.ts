import { describe, expect, it } from 'vitest';
import { supportExperienceSurvey } from './builtin/support-experience.ts';
import { formatInstrument, parseInstrumentText } from './format.ts';
import { Instrument, type InstrumentInput } from './instrument.ts';
import {
  chooseLanguage,
  firstOfferedLanguage,
  isKnownLanguage,
  languageAutonym,
  languageName,
  matchLanguage,
} from './language.ts';
import { formatRedcapDictionary, parseRedcapDictionary } from './redcap-dictionary.ts';
import { scoreRule } from './scoring.ts';
import { instrumentLanguages, localizeInstrument, surveyLanguages } from './translations.ts';
import { validateInstrument } from './validate-instrument.ts';

const base: InstrumentInput = {
  id: 'team-climate',
  version: '1.0.0',
  name: 'Team climate',
  items: [
    {
      id: 'open',
      text: 'We speak openly.',
      section: 'About your team',
      type: 'agreement',
      anchors: [
        { value: 1, label: 'Disagree' },
        { value: 2, label: 'Agree' },
      ],
    },
    {
      id: 'role',
      text: 'Your role',
      type: 'single-choice',
      choices: [
        { value: 1, label: 'Lead' },
        { value: 2, label: 'Member' },
      ],
    },
    { id: 'note', text: 'Anything else?', type: 'free-text' },
  ],
  blocks: [{ id: 'intro', text: '<p>Thank you for answering.</p>', beforeItem: 'open' }],
  scores: [{ id: 'climate', name: 'Climate', method: 'mean', items: ['open'] }],
};

const translated: InstrumentInput = {
  ...base,
  translations: {
    es: {
      note: 'Synthetic translation for the tests.',
      name: 'Clima del equipo',
      items: {
        open: { text: 'Hablamos con franqueza.', section: 'Sobre su equipo', labels: { '1': 'En desacuerdo' } },
        role: { labels: { '2': 'Miembro' } },
      },
      blocks: { intro: { text: '<p>Gracias por responder.</p>' } },
    },
  },
};

const errorsOf = (document: unknown) => {
  const verdict = validateInstrument(document);
  return verdict.valid ? [] : verdict.errors;
};

describe('instrument translations', () => {
  it('leave instruments without translations valid, in English', () => {
    const verdict = validateInstrument(base);
    expect(verdict.valid).toBe(true);
    if (!verdict.valid) return;
    expect(verdict.instrument.language).toBeUndefined();
    expect(verdict.instrument.translations).toBeUndefined();
    expect(instrumentLanguages(verdict.instrument)).toEqual(['en']);
    expect(localizeInstrument(verdict.instrument, 'es')).toEqual({ ...verdict.instrument, language: 'en' });
  });

  it('give each translated word in the chosen language and fall back to the default for the rest', () => {
    const instrument = Instrument.parse(translated);
    expect(errorsOf(translated)).toEqual([]);
    expect(instrumentLanguages(instrument)).toEqual(['en', 'es']);
    const es = localizeInstrument(instrument, 'es');
    expect(es.language).toBe('es');
    expect(es.translations).toBeUndefined();
    expect(es.name).toBe('Clima del equipo');
    const [open, role, note] = es.items;
    expect(open).toMatchObject({ text: 'Hablamos con franqueza.', section: 'Sobre su equipo' });
    // The anchor without a Spanish label keeps the English one; values never change.
    expect(open?.type === 'agreement' && open.anchors).toEqual([
      { value: 1, label: 'En desacuerdo' },
      { value: 2, label: 'Agree' },
    ]);
    expect(role).toMatchObject({ text: 'Your role' });
    expect(role?.type === 'single-choice' && role.choices.map((c) => c.label)).toEqual(['Lead', 'Miembro']);
    expect(note?.text).toBe('Anything else?');
    expect(es.blocks[0]?.text).toBe('<p>Gracias por responder.</p>');
    expect(es.scores).toEqual(instrument.scores);
    // A regional variant is served by the language; a language it lacks gives the default.
    expect(localizeInstrument(instrument, 'es-MX').name).toBe('Clima del equipo');
    expect(localizeInstrument(instrument, 'fr')).toMatchObject({ language: 'en', name: 'Team climate' });
    expect(localizeInstrument(instrument, 'en').items).toEqual(instrument.items);
  });

  it('score the same answers the same in every language', () => {
    const instrument = Instrument.parse(supportExperienceSurvey);
    const answers = { accessibility: 4, 'quality-of-delivery': 5, 'use-of-materials': 3, collaboration: 4 };
    for (const rule of instrument.scores)
      expect(scoreRule(localizeInstrument(instrument, 'es'), rule, answers)).toEqual(
        scoreRule(localizeInstrument(instrument, 'en'), rule, answers),
      );
  });

  it('refuse an unknown language, naming the field', () => {
    expect(errorsOf({ ...base, language: 'xx' })).toEqual([
      { path: 'language', message: '"xx" is not a known language code' },
    ]);
    expect(errorsOf({ ...base, translations: { sp: { name: 'Clima' } } })).toEqual([
      { path: 'translations.sp', message: '"sp" is not a known language code' },
    ]);
    expect(errorsOf({ ...base, translations: { Spanish: {} } })).toEqual([
      {
        path: 'translations.Spanish',
        message: '"Spanish" is not a language code such as "en", "es" or "pt-BR"',
      },
    ]);
  });

  it('refuse a translation of what the instrument does not have, naming the field', () => {
    expect(
      errorsOf({
        ...base,
        translations: {
          en: { name: 'Team climate' },
          es: {
            items: {
              gone: { text: 'Nada' },
              open: { labels: { '7': 'Siete' } },
              note: { labels: { '1': 'Uno' } },
            },
            blocks: { outro: { text: 'Adiós' } },
          },
        },
      }),
    ).toEqual([
      { path: 'translations.en', message: "is the instrument's own language; a translation needs another one" },
      { path: 'translations.es.items.gone', message: 'names item "gone", which the instrument does not have' },
      { path: 'translations.es.items.open.labels.7', message: 'item "open" has no choice with value 7' },
      { path: 'translations.es.items.note.labels', message: 'item "note" is free-text and has no choices to label' },
      { path: 'translations.es.blocks.outro', message: 'names text block "outro", which the instrument does not have' },
    ]);
    expect(errorsOf({ ...base, translations: { es: { items: { open: { text: '  ' } } } } })).toEqual([
      { path: 'translations.es.items.open.text', message: 'text must not be empty' },
    ]);
  });

  it('travel through JSON, YAML and a REDCap dictionary unchanged', () => {
    const instrument = Instrument.parse(translated);
    for (const format of ['json', 'yaml'] as const) {
      const back = parseInstrumentText(formatInstrument(instrument, format), format);
      expect(back).toMatchObject({ ok: true, value: instrument });
    }
    const back = parseRedcapDictionary(formatRedcapDictionary(instrument));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value.translations).toEqual(instrument.translations);
  });

  it('give the built-in support-experience survey a Spanish translation labelled as synthetic', () => {
    expect(errorsOf(supportExperienceSurvey)).toEqual([]);
    expect(supportExperienceSurvey.translations?.es?.note).toMatch(
      /^Synthetic Spanish translation made for the Praxis demo/,
    );
    const es = localizeInstrument(supportExperienceSurvey, 'es');
    expect(es.items.every((item, i) => item.text !== supportExperienceSurvey.items[i]?.text)).toBe(true);
  });
});

describe('choosing a language', () => {
  it('knows real languages and refuses made-up ones', () => {
    expect(['en', 'es', 'pt-BR', 'haw'].map(isKnownLanguage)).toEqual([true, true, true, true]);
    expect(['xx', 'sp', 'ES', 'es_MX', '', 'english'].map(isKnownLanguage)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(languageAutonym('es')).toBe('Español');
    expect(languageAutonym('en')).toBe('English');
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
  });

  it('matches regional variants', () => {
    expect(matchLanguage('es-MX', ['en', 'es'])).toBe('es');
    expect(matchLanguage('ES', ['en', 'es'])).toBe('es');
    expect(matchLanguage('es', ['en', 'es-MX'])).toBe('es-MX');
    expect(matchLanguage('fr', ['en', 'es'])).toBeUndefined();
  });

  it('takes the choice made before, else the link, else the browser, else the survey default', () => {
    const offered = ['en', 'es'];
    expect(chooseLanguage(offered, { chosen: 'en', query: 'es', browser: ['es'] })).toBe('en');
    expect(chooseLanguage(offered, { chosen: null, query: 'es', browser: ['en-US'] })).toBe('es');
    expect(chooseLanguage(offered, { query: 'fr', browser: ['fr-FR', 'es-419', 'en'] })).toBe('es');
    expect(chooseLanguage(offered, { query: null, browser: ['de'] })).toBe('en');
    expect(chooseLanguage(['es', 'en'], {})).toBe('es');
  });

  it('takes the first wish a survey is offered in, else its own language', () => {
    expect(firstOfferedLanguage(['en', 'es'], [null, 'es-MX', 'en'])).toBe('es');
    expect(firstOfferedLanguage(['en', 'es'], ['fr', undefined, 'EN'])).toBe('en');
    expect(firstOfferedLanguage(['en'], ['es'])).toBe('en');
    expect(firstOfferedLanguage(['es', 'en'], [])).toBe('es');
    expect(firstOfferedLanguage([], [null])).toBe('en');
  });

  it('offers a survey in every language one of its instruments has', () => {
    expect(surveyLanguages([Instrument.parse(base), Instrument.parse(translated)])).toEqual(['en', 'es']);
    expect(surveyLanguages([])).toEqual(['en']);
  });
});
