import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eisToc } from '../../model/builtin/eis-toc.ts';
import { checkAnswers } from './answers.ts';
import { summarizeScores } from './aggregate.ts';
import { builtinInstruments, ispSelfAssessment } from './builtin/index.ts';
import { acceptabilityMeasure } from './builtin/weiner-measures.ts';
import { Instrument, type InstrumentInput } from './instrument.ts';
import { carryAnswers } from './remap.ts';
import { scoreAnswers, scoreRule } from './scoring.ts';
import { checkOutcomeMapping, validateInstrument } from './validate-instrument.ts';

const agree = [1, 2, 3, 4, 5].map((value) => ({ value, label: `a${value}` }));
const scale = (input: Partial<InstrumentInput> = {}): Instrument =>
  Instrument.parse({
    id: 'scale',
    version: '1.0.0',
    name: 'Scale',
    items: [
      { id: 'q1', text: 'One', type: 'agreement', anchors: agree },
      { id: 'q2', text: 'Two', type: 'agreement', anchors: agree },
      { id: 'q3', text: 'Three (reversed)', type: 'agreement', anchors: agree },
      { id: 'q4', text: 'Four', type: 'agreement', anchors: agree },
      { id: 'hours', text: 'Hours', type: 'numeric', min: 0, max: 40 },
      { id: 'tools', text: 'Tools', type: 'multiple-choice', choices: agree },
      { id: 'note', text: 'Note', type: 'free-text' },
    ],
    scores: [
      {
        id: 'mean',
        name: 'Mean',
        method: 'mean',
        items: ['q1', 'q2', 'q3', 'q4'],
        reverse: ['q3'],
        minAnswered: 3,
        outcomeId: 'engagement',
        level: 'individual',
      },
      { id: 'sum', name: 'Sum', method: 'sum', items: ['q1', 'q2', 'q3', 'q4'], reverse: ['q3'], minAnswered: 2 },
      { id: 'all', name: 'All required', method: 'mean', items: ['q1', 'q2'] },
    ],
    ...input,
  });

describe('scoring', () => {
  const instrument = scale();
  const rule = (id: string) => instrument.scores.find((s) => s.id === id)!;

  it('reverses an item as (min + max − value) and takes the mean', () => {
    const score = scoreRule(instrument, rule('mean'), { q1: 5, q2: 4, q3: 1, q4: 3 });
    expect(score).toMatchObject({
      value: (5 + 4 + 5 + 3) / 4,
      missingReason: null,
      answered: 4,
      itemCount: 4,
      outcomeId: 'engagement',
      level: 'individual',
    });
  });

  it('takes the mean of the answered items when at least minAnswered are answered', () => {
    expect(scoreRule(instrument, rule('mean'), { q1: 5, q3: 2, q4: null }).value).toBeNull();
    expect(scoreRule(instrument, rule('mean'), { q1: 5, q2: 3, q3: 2 }).value).toBe((5 + 3 + 4) / 3);
  });

  it('reports why a score is missing', () => {
    expect(scoreRule(instrument, rule('mean'), { q1: 5, q3: 2 }).missingReason).toBe(
      '2 of 4 items answered; at least 3 needed',
    );
    expect(scoreRule(instrument, rule('mean'), {}).missingReason).toBe('no items answered; at least 3 of 4 needed');
    expect(scoreRule(instrument, rule('all'), { q1: 2 }).missingReason).toBe(
      '1 of 2 items answered; at least 2 needed',
    );
  });

  it('prorates a sum with unanswered items and says so', () => {
    expect(scoreRule(instrument, rule('sum'), { q1: 1, q2: 2, q3: 3, q4: 4 })).toMatchObject({
      value: 1 + 2 + 3 + 4,
      prorated: false,
    });
    expect(scoreRule(instrument, rule('sum'), { q1: 2, q3: 5 })).toMatchObject({
      value: ((2 + 1) / 2) * 4,
      prorated: true,
    });
  });

  it('treats out-of-range and non-numeric answers as missing, never as values', () => {
    expect(scoreRule(instrument, rule('mean'), { q1: 9, q2: 4, q3: 2, q4: 'x' as never }).missingReason).toBe(
      '2 of 4 items answered; at least 3 needed',
    );
  });

  it('scores every rule of an instrument', () => {
    expect(scoreAnswers(instrument, { q1: 1, q2: 1, q3: 5, q4: 1 }).map((s) => s.value)).toEqual([1, 4, 1]);
  });

  it('keeps a mean within the scale and a reversed full-scale answer symmetric (property)', () => {
    const answer = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
    fc.assert(
      fc.property(fc.tuple(answer, answer, answer, answer), ([q1, q2, q3, q4]) => {
        const answers = { q1, q2, q3, q4 };
        const score = scoreRule(instrument, rule('mean'), answers);
        const answered = [q1, q2, q3, q4].filter((v) => v !== null).length;
        if (answered < 3) return score.value === null && score.missingReason !== null;
        const flipped = scoreRule(instrument, rule('mean'), {
          q1: q1 && 6 - q1,
          q2: q2 && 6 - q2,
          q3: q3 && 6 - q3,
          q4: q4 && 6 - q4,
        });
        return score.value! >= 1 && score.value! <= 5 && Math.abs(score.value! + flipped.value! - 6) < 1e-12;
      }),
    );
  });
});

describe('answers', () => {
  const instrument = scale();
  it('refuses out-of-range, wrongly typed and unknown answers, naming the field', () => {
    expect(
      checkAnswers(instrument, { q1: 6, hours: 41.5, tools: [1, 9], note: 3 as never, q9: 1 }, 'answers.scale'),
    ).toEqual([
      { path: 'answers.scale.q1', message: '6 is out of range: must be one of 1, 2, 3, 4, 5' },
      { path: 'answers.scale.hours', message: 'must be a whole number' },
      { path: 'answers.scale.tools', message: '9 is not a choice: must be among 1, 2, 3, 4, 5' },
      { path: 'answers.scale.note', message: 'must be text' },
      { path: 'answers.scale.q9', message: 'is not an item of scale@1.0.0' },
    ]);
    expect(checkAnswers(instrument, { q1: null, hours: 40, tools: [1, 2], note: 'fine' }, 'a')).toEqual([]);
  });
});

describe('instrument validation', () => {
  it('refuses a scoring rule that names a missing item, reverses an unscored item or asks too many', () => {
    const result = validateInstrument({
      ...scale(),
      scores: [{ id: 's', name: 'S', method: 'mean', items: ['q1', 'nope', 'note'], reverse: ['q2'], minAnswered: 4 }],
    });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { path: 'scores[0].items[1]', message: 'names item "nope", which the instrument does not have' },
      {
        path: 'scores[0].items[2]',
        message: 'item "note" is free-text; only agreement, numeric and single-choice items can be scored',
      },
      { path: 'scores[0].reverse[0]', message: 'reverse-scored item "q2" is not among the score\'s items' },
      { path: 'scores[0].minAnswered', message: 'is 4, more than the 3 items scored' },
    ]);
  });

  it('reports shape problems with their paths', () => {
    const result = validateInstrument({ id: 'x', version: '1', name: '', items: [] });
    expect(result.errors.map((e) => e.path)).toEqual(['version', 'name', 'items']);
  });

  it('accepts every built-in instrument and the self-assessment of every built-in model', () => {
    for (const instrument of [...builtinInstruments, ispSelfAssessment(eisToc)]) {
      expect(validateInstrument(instrument).errors).toEqual([]);
      expect(checkOutcomeMapping(instrument, eisToc.outcomes)).toEqual([]);
    }
  });
});

describe('built-in instruments', () => {
  it('AIM has four agreement items from 1 to 5 and scores their mean for experience of support', () => {
    expect(acceptabilityMeasure.items).toHaveLength(4);
    expect(acceptabilityMeasure.items[0]).toMatchObject({
      text: 'The support we receive meets our approval.',
      type: 'agreement',
    });
    expect(scoreAnswers(acceptabilityMeasure, { 'aim-1': 4, 'aim-2': 5, 'aim-3': 3, 'aim-4': 4 })[0]).toMatchObject({
      value: 4,
      outcomeId: 'experience-of-support',
      level: 'individual',
    });
  });

  it('generates one 1–5 item per component of the model', () => {
    const self = ispSelfAssessment(eisToc);
    expect(self.items.map((i) => i.id)).toEqual(eisToc.components.map((c) => c.id));
    expect(self.version).toBe(eisToc.version);
  });
});

describe('aggregation and version carry-over', () => {
  it('summarizes with n, mean and sample SD, leaving missing scores out', () => {
    expect(summarizeScores([2, 4, null, 6])).toEqual({ n: 3, mean: 4, sd: 2, min: 2, max: 6, missing: 1 });
    expect(summarizeScores([null])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null, missing: 1 });
    expect(summarizeScores([3])).toMatchObject({ n: 1, mean: 3, sd: null });
  });

  it('carries answers through renamed and dropped items along the version line', () => {
    const v1 = scale();
    const v2 = scale({ version: '1.1.0', supersedes: { version: '1.0.0', itemMap: { q4: null } }, scores: [] });
    const v3 = Instrument.parse({
      ...scale({ version: '2.0.0', scores: [] }),
      items: scale().items.map((i) => (i.id === 'q1' ? { ...i, id: 'first' } : i)),
      supersedes: { version: '1.1.0', itemMap: { q1: 'first' } },
    });
    expect(carryAnswers({ q1: 5, q2: 4, q4: 2 }, '1.0.0', v3, [v1, v2, v3])).toEqual({ first: 5, q2: 4 });
  });
});
