import { isAnswered } from './answers.ts';
import { scaleRange, type Instrument, type InstrumentAnswers, type ScoringRule } from './instrument.ts';

/** One computed score: a value, or null with the reason it is missing. */
export interface Score {
  scoreId: string;
  name: string;
  method: ScoringRule['method'];
  outcomeId: string | null;
  level: NonNullable<ScoringRule['level']> | null;
  value: number | null;
  /** Why the value is null; null when there is a value. */
  missingReason: string | null;
  answered: number;
  itemCount: number;
  /** A sum computed from fewer items than it has, scaled up to all of them (mean of answered × item count). */
  prorated: boolean;
}

/**
 * Scores one set of answers with one rule. Missing-data rule: an item counts when it has an in-range
 * answer; with fewer than `minAnswered` answered items (default: all of them) the score is missing and
 * says why. A mean is the mean of the answered items; a sum with some items unanswered is prorated
 * (mean of answered × number of items). Reverse-scored items become (scale min + scale max − value).
 */
export function scoreRule(instrument: Instrument, rule: ScoringRule, answers: InstrumentAnswers): Score {
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const reverse = new Set(rule.reverse);
  const values: number[] = [];
  for (const itemId of rule.items) {
    const item = items.get(itemId);
    const answer = answers[itemId];
    if (!item || !isAnswered(answer) || typeof answer !== 'number') continue;
    const range = scaleRange(item);
    if (!range || answer < range.min || answer > range.max) continue;
    values.push(reverse.has(itemId) ? range.min + range.max - answer : answer);
  }
  const itemCount = rule.items.length;
  const minAnswered = rule.minAnswered ?? itemCount;
  const base = {
    scoreId: rule.id,
    name: rule.name,
    method: rule.method,
    outcomeId: rule.outcomeId ?? null,
    level: rule.level ?? null,
    answered: values.length,
    itemCount,
  };
  if (values.length < minAnswered) {
    const reason =
      values.length === 0
        ? `no items answered; at least ${minAnswered} of ${itemCount} needed`
        : `${values.length} of ${itemCount} items answered; at least ${minAnswered} needed`;
    return { ...base, value: null, missingReason: reason, prorated: false };
  }
  const total = values.reduce((a, b) => a + b, 0);
  const mean = total / values.length;
  if (rule.method === 'mean') return { ...base, value: mean, missingReason: null, prorated: false };
  const prorated = values.length < itemCount;
  return { ...base, value: prorated ? mean * itemCount : total, missingReason: null, prorated };
}

/** Every score of an instrument for one set of answers. */
export function scoreAnswers(instrument: Instrument, answers: InstrumentAnswers): Score[] {
  return instrument.scores.map((rule) => scoreRule(instrument, rule, answers));
}
