import type { ErrorDetail } from '../errors.ts';
import type { AnswerValue, Instrument, InstrumentAnswers, Item } from './instrument.ts';

/** Why one answer does not fit its item, or undefined when it fits. Null (not answered) always fits. */
export function answerProblem(item: Item, value: AnswerValue): string | undefined {
  if (value === null) return undefined;
  switch (item.type) {
    case 'agreement':
    case 'single-choice': {
      const options = item.type === 'agreement' ? item.anchors : item.choices;
      if (typeof value !== 'number') return `must be one of ${options.map((o) => o.value).join(', ')}`;
      return options.some((o) => o.value === value)
        ? undefined
        : `${value} is out of range: must be one of ${options.map((o) => o.value).join(', ')}`;
    }
    case 'numeric':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (item.integer && !Number.isInteger(value)) return 'must be a whole number';
      return value < item.min || value > item.max
        ? `${value} is out of range: must be between ${item.min} and ${item.max}`
        : undefined;
    case 'multiple-choice': {
      if (!Array.isArray(value)) return 'must be a list of choice values';
      const allowed = new Set(item.choices.map((c) => c.value));
      const wrong = value.find((v) => !allowed.has(v));
      if (wrong !== undefined) return `${wrong} is not a choice: must be among ${[...allowed].join(', ')}`;
      return new Set(value).size === value.length ? undefined : 'names a choice more than once';
    }
    case 'free-text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > item.maxLength ? `is ${value.length} characters; at most ${item.maxLength}` : undefined;
  }
}

/** Every answer that names an unknown item or does not fit its item, with paths under `prefix` (e.g. `answers.aim`). */
export function checkAnswers(instrument: Instrument, answers: InstrumentAnswers, prefix: string): ErrorDetail[] {
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const problems: ErrorDetail[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    const item = items.get(itemId);
    if (!item) {
      problems.push({
        path: `${prefix}.${itemId}`,
        message: `is not an item of ${instrument.id}@${instrument.version}`,
      });
      continue;
    }
    const problem = answerProblem(item, value);
    if (problem) problems.push({ path: `${prefix}.${itemId}`, message: problem });
  }
  return problems;
}

/** Items the respondent has not answered yet, in instrument order (null, empty text and empty choice lists count as unanswered). */
export function unansweredItems(instrument: Instrument, answers: InstrumentAnswers): string[] {
  return instrument.items.filter((item) => !isAnswered(answers[item.id])).map((item) => item.id);
}

/** True when a value counts as an answer. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
