import type { ModelSubmission } from '../../domain/models.ts';
import { invalid } from '../../domain/errors.ts';
import { parseModelText } from '../../model/format.ts';

/** Turns a submission (parsed JSON or JSON/YAML text) into the raw document, or refuses it with located syntax errors. */
export function documentOf(submission: ModelSubmission): unknown {
  if ('document' in submission) return submission.document;
  const parsed = parseModelText(submission.text, submission.format);
  if (!parsed.ok) throw invalid('The model text does not parse', parsed.issues);
  return parsed.value;
}
