import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import committed from '../../docs/model.schema.json' with { type: 'json' };
import { builtinModels, eisToc } from './builtin/index.ts';
import { modelJsonSchema, modelJsonSchemaText } from './json-schema.ts';

describe('docs/model.schema.json', () => {
  it('matches the zod schema (regenerate with: npx tsx scripts/generate-model-schema.ts)', () => {
    expect(committed).toEqual(JSON.parse(modelJsonSchemaText()));
  });

  it('refuses unknown keys and names every element list', () => {
    const schema = modelJsonSchema() as { additionalProperties: unknown; required: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'id',
        'version',
        'stages',
        'componentGroups',
        'components',
        'principles',
        'constructs',
        'outcomes',
        'links',
      ]),
    );
  });

  it('accepts the built-in models and refuses unknown keys in a standard JSON Schema validator (Ajv, draft 2020-12)', () => {
    // Ajv ships with Fastify; editors and other tools read the published schema the same way.
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(committed);
    for (const model of builtinModels) expect(validate(JSON.parse(JSON.stringify(model))), model.id).toBe(true);
    expect(validate({ ...eisToc, colour: 'red' })).toBe(false);
    expect(validate({ ...eisToc, version: '1.0' })).toBe(false);
  });
});
