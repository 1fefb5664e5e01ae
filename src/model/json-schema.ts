import { z } from 'zod';
import { practiceModelSchema } from './schema.ts';

/** Where the published JSON Schema for model files lives, relative to the repository root. */
export const MODEL_JSON_SCHEMA_PATH = 'docs/model.schema.json';

/**
 * The JSON Schema (draft 2020-12) of a practice-model file, generated from the zod schema so the two never
 * disagree. It covers structure only; validateModel adds the cross-reference rules a JSON Schema cannot state.
 */
export function modelJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(practiceModelSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Praxis practice model',
    ...rest,
  };
}

/** The schema as the committed file holds it: 2-space JSON with a final newline. */
export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
