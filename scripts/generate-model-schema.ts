/** Writes docs/model.schema.json from the zod model schema. Run: npx tsx scripts/generate-model-schema.ts */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_JSON_SCHEMA_PATH, modelJsonSchemaText } from '../src/model/json-schema.ts';

const target = fileURLToPath(new URL(`../${MODEL_JSON_SCHEMA_PATH}`, import.meta.url));
writeFileSync(target, modelJsonSchemaText());
process.stdout.write(`wrote ${MODEL_JSON_SCHEMA_PATH}\n`);
