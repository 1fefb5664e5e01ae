import type { ModelIssue } from '../../model/schema.ts';
import { parseModelText, type ModelTextFormat } from '../../model/format.ts';
import { validateModel } from '../../model/validate.ts';

/** What the editor knows about its text: errors and warnings, and whether it parses at all. */
export interface ModelCheck {
  parses: boolean;
  errors: ModelIssue[];
  warnings: ModelIssue[];
}

/**
 * The instant check of editor text, run in the browser on every pause in typing: syntax, then every rule
 * of the model on its own. The successor rules (id map, version order) need the stored versions; the server checks those.
 */
export function checkModelText(text: string, format: ModelTextFormat): ModelCheck {
  const parsed = parseModelText(text, format);
  if (!parsed.ok) return { parses: false, errors: parsed.issues, warnings: [] };
  const validation = validateModel(parsed.value);
  return { parses: true, errors: validation.errors, warnings: validation.warnings };
}

/** The model id a text declares, read without validating it (for a "new model" that names an existing one). */
export function declaredModelId(text: string, format: ModelTextFormat): string | undefined {
  const parsed = parseModelText(text, format);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const id = (parsed.value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
