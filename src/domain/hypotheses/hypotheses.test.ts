import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eisToc } from '../../model/builtin/index.ts';
import { AppError } from '../errors.ts';
import { canonicalRegistration, registrationHash } from './content-hash.ts';
import { assertEditable, assertLockable, assertRunnable, assertWithdrawable } from './lifecycle.ts';
import { HypothesisRegistration, registrationProblems, type HypothesisRegistrationInput } from './registration.ts';

const input: HypothesisRegistrationInput = {
  title: 'Coaching builds self-efficacy',
  statement: 'Coaching minutes in months 1–6 predict the change in self-efficacy at month 6.',
  model: { id: 'eis-toc', version: '1.0.0' },
  linkId: 'coaching-via-self-efficacy-to-implementation-self-efficacy',
  predictor: { components: ['coaching'], measure: 'minutes', months: { from: 1, to: 6 } },
  outcome: { outcomeId: 'implementation-self-efficacy', level: 'individual', measure: 'change', atMonth: 6 },
  direction: 'positive',
  test: 'ols-cr1',
  covariates: ['baseline-score'],
  alpha: 0.05,
};
const registration = HypothesisRegistration.parse(input);

/** The same object with every key order reversed, recursively. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversedKeys(v)]),
        )
      : value;

describe('registration content hash', () => {
  it('is the SHA-256 of RFC 8785 canonical JSON: sorted keys, no whitespace', async () => {
    const text = canonicalRegistration(registration);
    expect(text.startsWith('{"alpha":0.05,"covariates":["baseline-score"],"direction":"positive","linkId":')).toBe(
      true,
    );
    expect(text).not.toMatch(/\s"|":\s/);
    expect(await registrationHash(registration)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('does not depend on the order keys were written in', async () => {
    const reordered = reversedKeys(registration) as typeof registration;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(registration));
    expect(await registrationHash(reordered)).toBe(await registrationHash(registration));
    expect(await registrationHash(HypothesisRegistration.parse(reversedKeys(input)))).toBe(
      await registrationHash(registration),
    );
  });

  it('changes with any change of content, however small', async () => {
    const hash = await registrationHash(registration);
    expect(await registrationHash({ ...registration, alpha: 0.049 })).not.toBe(hash);
    expect(await registrationHash({ ...registration, outcome: { ...registration.outcome, atMonth: 7 } })).not.toBe(
      hash,
    );
    expect(await registrationHash({ ...registration, statement: `${registration.statement} ` })).not.toBe(hash);
  });
});

describe('registration checks against the model', () => {
  it('accepts a consistent registration, with defaults applied', () => {
    expect(registrationProblems(registration, eisToc)).toEqual([]);
    expect(HypothesisRegistration.parse({ ...input, covariates: undefined, alpha: undefined })).toMatchObject({
      covariates: [],
      alpha: 0.05,
      outcome: { toleranceMonths: 1 },
    });
  });

  it('names every problem by its path', () => {
    const bad = HypothesisRegistration.parse({
      ...input,
      linkId: 'coaching-via-self-efficacy-to-implementation-self-efficacy',
      predictor: { components: ['teaching', 'nothing'], months: { from: 4, to: 8 }, cutpoints: [60] },
      outcome: { outcomeId: 'knowledge-skills', level: 'team', atMonth: 6 },
      test: 'kruskal-wallis',
      direction: 'positive',
    });
    expect(registrationProblems(bad, eisToc).map((p) => p.path)).toEqual([
      'predictor.components[1]',
      'predictor.components',
      'outcome.level',
      'outcome.outcomeId',
      'outcome.atMonth',
      'predictor.cutpoints',
      'direction',
      'covariates',
    ]);
  });

  it('refuses unknown links and a model other than the one checked against', () => {
    const problems = registrationProblems(
      { ...registration, linkId: 'no-such-link', model: { id: 'eis-toc', version: '2.0.0' } },
      eisToc,
    );
    expect(problems.map((p) => p.path)).toEqual(['model', 'linkId']);
  });

  it('needs exactly one cutpoint for Mann–Whitney and ascending cutpoints', () => {
    const mw = {
      ...registration,
      test: 'mann-whitney' as const,
      covariates: [],
      predictor: { ...registration.predictor, cutpoints: [60, 30] },
    };
    expect(registrationProblems(mw, eisToc).map((p) => p.message)).toEqual([
      expect.stringMatching('exactly one cutpoint'),
      'must be strictly ascending',
    ]);
  });

  it('refuses a malformed registration at parse time with the field', () => {
    const parsed = HypothesisRegistration.safeParse({ ...input, alpha: 0, test: 't-test' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['test', 'alpha']);
  });
});

describe('lock rules', () => {
  const draft = { status: 'draft' as const, lockedAt: null };
  const locked = { status: 'locked' as const, lockedAt: '2026-11-26T20:00:00.000Z' };
  const withdrawn = { status: 'withdrawn' as const, lockedAt: '2026-11-26T20:00:00.000Z' };
  const refusal = (check: () => void): string => {
    try {
      check();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('conflict');
      return (error as AppError).message;
    }
    return 'allowed';
  };

  it('lets a draft be edited and locked, but not run', () => {
    expect(refusal(() => assertEditable(draft))).toBe('allowed');
    expect(refusal(() => assertLockable(draft))).toBe('allowed');
    expect(refusal(() => assertRunnable(draft))).toMatch('Lock the hypothesis before running it');
  });

  it('never lets a locked hypothesis change; it can be run and withdrawn', () => {
    expect(refusal(() => assertEditable(locked))).toMatch(
      'was locked at 2026-11-26T20:00:00.000Z; its registration can no longer be edited',
    );
    expect(refusal(() => assertLockable(locked))).toMatch('only a draft can be locked');
    expect(refusal(() => assertRunnable(locked))).toBe('allowed');
    expect(refusal(() => assertWithdrawable(locked))).toBe('allowed');
  });

  it('runs, edits and withdraws a withdrawn hypothesis no more', () => {
    expect(refusal(() => assertEditable(withdrawn))).toMatch('has been withdrawn');
    expect(refusal(() => assertRunnable(withdrawn))).toMatch('no longer run');
    expect(refusal(() => assertWithdrawable(withdrawn))).toMatch('already been withdrawn');
  });
});
