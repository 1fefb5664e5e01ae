import { describe, expect, it } from 'vitest';
import committed from '../../docs/model.schema.json' with { type: 'json' };
import { modelJsonSchema, modelJsonSchemaText } from './json-schema.ts';

describe('docs/model.schema.json', () => {
  it('matches the zod schema (regenerate with: npx tsx scripts/generate-model-schema.ts)', () => {
    expect(committed).toEqual(JSON.parse(modelJsonSchemaText()));
  });

  it('refuses unknown keys and names every element list', () => {
    const schema = modelJsonSchema() as { additionalProperties: unknown; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'version', 'stages', 'componentGroups', 'components', 'principles', 'constructs', 'outcomes', 'links']),
    );
  });
});
