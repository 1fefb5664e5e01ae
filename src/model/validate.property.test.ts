import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eisToc, ispProfile } from './builtin/index.ts';
import { parseModelText } from './format.ts';
import { validateModel, validateSuccessor } from './validate.ts';

type Segment = string | number;

/** All paths to values inside a document, so a mutation can land anywhere in it. */
function pathsOf(value: unknown, prefix: Segment[] = []): Segment[][] {
  const paths: Segment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function setAt(document: unknown, path: Segment[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path.at(-1) as Segment;
  if (remove && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const eisPaths = pathsOf(eisToc);
const ids = [...eisToc.components, ...eisToc.outcomes, ...eisToc.constructs, ...eisToc.stages, ...eisToc.links].map(
  (element) => element.id,
);

/** A built-in model with a few values replaced by anything (often another element's id), or removed. */
const mutatedModel = fc
  .array(
    fc.record({
      path: fc.constantFrom(...eisPaths),
      replacement: fc.oneof(
        fc.anything(),
        fc.constantFrom(...ids),
        fc.constantFrom('', '1.0', 'immediate', 'system', null),
      ),
      remove: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((mutations) =>
    mutations.reduce<unknown>((document, { path, replacement, remove }) => {
      try {
        return setAt(document, path, replacement, remove);
      } catch {
        return document; // an earlier mutation removed the path's parent
      }
    }, eisToc),
  );

const checkVerdict = (input: unknown) => {
  const result = validateModel(input);
  expect(result.valid).toBe(result.errors.length === 0);
  expect(result.model === undefined).toBe(!result.valid);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
};

describe('validateModel never throws', () => {
  it('on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
        }),
        checkVerdict,
      ),
      { numRuns: 500 },
    );
  });

  it('on arbitrary objects with model-like keys', () => {
    const keys = fc.constantFrom(
      'id',
      'version',
      'components',
      'links',
      'outcomes',
      'stages',
      'supersedes',
      'idMap',
      'from',
      'to',
      'via',
      'activities',
      '__proto__',
      'constructor',
      'toString',
    );
    fc.assert(fc.property(fc.dictionary(keys, fc.anything(), { maxKeys: 10 }), checkVerdict), { numRuns: 500 });
  });

  it('on mutations of the built-in model', () => {
    fc.assert(fc.property(mutatedModel, checkVerdict), { numRuns: 500 });
  });

  it('on mutated successors', () => {
    fc.assert(
      fc.property(mutatedModel, (next) => {
        const result = validateSuccessor(ispProfile, next);
        expect(result.valid).toBe(result.errors.length === 0);
        validateSuccessor(eisToc, next);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const parsed = parseModelText(text);
        if (parsed.ok) checkVerdict(parsed.value);
        else expect(parsed.issues.length).toBeGreaterThan(0);
        const asJson = parseModelText(text, 'json');
        if (!asJson.ok) expect(asJson.issues[0]?.message).toMatch(/^line \d+, column \d+: /);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a JSON error exactly when JSON.parse refuses the text', () => {
    const jsonish = fc.stringMatching(/^[\s{}[\]",:0-9a-z\\.eE+-]{0,40}$/);
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json()), (text) => {
        let accepted = true;
        try {
          JSON.parse(text);
        } catch {
          accepted = false;
        }
        expect(parseModelText(text, 'json').ok).toBe(accepted);
      }),
      { numRuns: 2000 },
    );
  });
});
