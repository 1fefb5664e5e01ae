import type { ErrorDetail } from '../errors.ts';
import { formatIssuePath } from '../../model/issue-path.ts';
import { Instrument, scoreableTypes } from './instrument.ts';
import { translationProblems } from './translations.ts';

export type InstrumentValidation =
  { valid: true; instrument: Instrument; errors: [] } | { valid: false; errors: ErrorDetail[] };

/** Checks an instrument document: its shape, then every rule that needs the whole document, reporting all problems at once. */
export function validateInstrument(document: unknown): InstrumentValidation {
  const parsed = Instrument.safeParse(document);
  if (!parsed.success) {
    return {
      valid: false,
      errors: parsed.error.issues.map((issue) => ({
        path: formatIssuePath(issue.path) || '(document)',
        message: issue.message,
      })),
    };
  }
  const instrument = parsed.data;
  const errors: ErrorDetail[] = [];
  const items = new Map(instrument.items.map((item) => [item.id, item]));
  const seenItems = new Set<string>();
  instrument.items.forEach((item, i) => {
    if (seenItems.has(item.id)) errors.push({ path: `items[${i}].id`, message: `duplicate item id "${item.id}"` });
    seenItems.add(item.id);
    const values =
      item.type === 'agreement'
        ? item.anchors
        : item.type === 'single-choice' || item.type === 'multiple-choice'
          ? item.choices
          : [];
    const seenValues = new Set<number>();
    values.forEach((v, j) => {
      if (seenValues.has(v.value))
        errors.push({
          path: `items[${i}].${item.type === 'agreement' ? 'anchors' : 'choices'}[${j}].value`,
          message: `duplicate value ${v.value}`,
        });
      seenValues.add(v.value);
    });
    if (item.type === 'numeric' && item.min >= item.max)
      errors.push({ path: `items[${i}].max`, message: `must be greater than min (${item.min})` });
  });
  const seenBlocks = new Set<string>();
  instrument.blocks.forEach((block, i) => {
    if (seenBlocks.has(block.id) || items.has(block.id))
      errors.push({
        path: `blocks[${i}].id`,
        message: `duplicate id "${block.id}" (blocks and items need ids of their own)`,
      });
    seenBlocks.add(block.id);
    if (block.beforeItem !== undefined && !items.has(block.beforeItem))
      errors.push({
        path: `blocks[${i}].beforeItem`,
        message: `names item "${block.beforeItem}", which the instrument does not have`,
      });
  });
  const seenScores = new Set<string>();
  instrument.scores.forEach((score, i) => {
    if (seenScores.has(score.id)) errors.push({ path: `scores[${i}].id`, message: `duplicate score id "${score.id}"` });
    seenScores.add(score.id);
    score.items.forEach((itemId, j) => {
      const item = items.get(itemId);
      if (!item)
        errors.push({
          path: `scores[${i}].items[${j}]`,
          message: `names item "${itemId}", which the instrument does not have`,
        });
      else if (!scoreableTypes.has(item.type))
        errors.push({
          path: `scores[${i}].items[${j}]`,
          message: `item "${itemId}" is ${item.type}; only agreement, numeric and single-choice items can be scored`,
        });
    });
    if (new Set(score.items).size !== score.items.length)
      errors.push({ path: `scores[${i}].items`, message: 'names an item more than once' });
    score.reverse.forEach((itemId, j) => {
      if (!score.items.includes(itemId))
        errors.push({
          path: `scores[${i}].reverse[${j}]`,
          message: `reverse-scored item "${itemId}" is not among the score's items`,
        });
    });
    if (score.minAnswered !== undefined && score.minAnswered > score.items.length) {
      errors.push({
        path: `scores[${i}].minAnswered`,
        message: `is ${score.minAnswered}, more than the ${score.items.length} items scored`,
      });
    }
    if ((score.outcomeId === undefined) !== (score.level === undefined)) {
      errors.push({
        path: `scores[${i}].${score.outcomeId === undefined ? 'outcomeId' : 'level'}`,
        message: 'outcomeId and level go together: name both or neither',
      });
    }
  });
  if (instrument.supersedes) {
    for (const [oldId, newId] of Object.entries(instrument.supersedes.itemMap)) {
      if (newId !== null && !items.has(newId))
        errors.push({
          path: `supersedes.itemMap.${oldId}`,
          message: `maps to item "${newId}", which this version does not have`,
        });
    }
  }
  errors.push(...translationProblems(instrument));
  return errors.length > 0 ? { valid: false, errors } : { valid: true, instrument, errors: [] };
}

/** Outcome references a model cannot resolve: each score's outcome must exist in the model at the named level. */
export function checkOutcomeMapping(
  instrument: Instrument,
  outcomes: readonly { id: string; levels: readonly string[] }[],
): ErrorDetail[] {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const errors: ErrorDetail[] = [];
  instrument.scores.forEach((score, i) => {
    if (score.outcomeId === undefined) return;
    const outcome = byId.get(score.outcomeId);
    if (!outcome)
      errors.push({
        path: `scores[${i}].outcomeId`,
        message: `"${score.outcomeId}" is not an outcome of model "${instrument.modelId}"`,
      });
  });
  return errors;
}
