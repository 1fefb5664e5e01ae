import { parseDocument, stringify } from 'yaml';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.ts';
import { practiceModelSchema, type ModelIssue, type PracticeModel } from './schema.ts';

/** The text formats a model file may take. */
export type ModelTextFormat = 'json' | 'yaml';

/** The outcome of reading model text: the parsed document (still to be validated), or located syntax errors. */
export type ParsedModelText =
  { ok: true; format: ModelTextFormat; value: unknown } | { ok: false; format: ModelTextFormat; issues: ModelIssue[] };

// Aliases can expand exponentially ("billion laughs"); a model never needs many.
const MAX_YAML_ALIASES = 100;

/** JSON when the first non-blank character opens an object or array, YAML otherwise. */
export function detectModelFormat(text: string): ModelTextFormat {
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
}

function located(text: string, offset: number, message: string): ModelIssue {
  const { line, column } = lineAndColumn(text, offset);
  return { path: '', message: `line ${line}, column ${column}: ${message}` };
}

function parseJson(text: string): ParsedModelText {
  try {
    return { ok: true, format: 'json', value: JSON.parse(text) };
  } catch {
    const syntax = findJsonSyntaxError(text) ?? { offset: 0, message: 'the text is not valid JSON' };
    return { ok: false, format: 'json', issues: [located(text, syntax.offset, syntax.message)] };
  }
}

function parseYaml(text: string): ParsedModelText {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues = document.errors.map((error) => {
      const position = error.linePos?.[0];
      // prettyErrors appends " at line L, column C:" and a source excerpt; the position leads our message instead.
      const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
      return { path: '', message: position ? `line ${position.line}, column ${position.col}: ${message}` : message };
    });
    return { ok: false, format: 'yaml', issues };
  }
  try {
    return { ok: true, format: 'yaml', value: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    return {
      ok: false,
      format: 'yaml',
      issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    };
  }
}

/** Parses model text (format detected when not given); syntax errors come back as issues with line and column. */
export function parseModelText(text: string, format: ModelTextFormat = detectModelFormat(text)): ParsedModelText {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return format === 'json' ? parseJson(body) : parseYaml(body);
}

/**
 * Writes a model as JSON (2-space indented) or YAML, ending with a newline, keys in schema order so that
 * files diff cleanly between versions; parseModelText reads either back unchanged.
 */
export function formatModel(model: PracticeModel, format: ModelTextFormat): string {
  const canonical = practiceModelSchema.safeParse(model);
  const document = canonical.success ? canonical.data : model;
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return stringify(document, { lineWidth: 100, minContentWidth: 40 });
}
