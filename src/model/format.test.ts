import { describe, expect, it } from 'vitest';
import { builtinModels } from './builtin/index.ts';
import { detectModelFormat, formatModel, parseModelText } from './format.ts';
import { validateModel } from './validate.ts';

describe('formatModel and parseModelText', () => {
  it.each(builtinModels.map((model) => [model.id, model] as const))(
    'round-trips %s through JSON and YAML unchanged',
    (_id, model) => {
      const json = formatModel(model, 'json');
      const yaml = formatModel(model, 'yaml');
      const fromJson = parseModelText(json);
      const fromYaml = parseModelText(yaml);
      expect(fromJson).toEqual({ ok: true, format: 'json', value: model });
      expect(fromYaml).toEqual({ ok: true, format: 'yaml', value: model });
      // JSON → YAML → JSON gives back the same bytes.
      const viaYaml = validateModel(fromYaml.ok ? fromYaml.value : undefined).model;
      expect(viaYaml && formatModel(viaYaml, 'json')).toBe(json);
    },
  );

  it('detects the format from the first character', () => {
    expect(detectModelFormat('  \n{"id": 1}')).toBe('json');
    expect(detectModelFormat('\uFEFF[1]')).toBe('json');
    expect(detectModelFormat('id: eis-toc\n')).toBe('yaml');
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(parseModelText('{\n  "id": "x",\n  "version": }\n')).toEqual({
      ok: false,
      format: 'json',
      issues: [{ path: '', message: 'line 3, column 14: expected a value, found "}"' }],
    });
    expect(parseModelText('{"id": "x"')).toEqual({
      ok: false,
      format: 'json',
      issues: [
        {
          path: '',
          message: 'line 1, column 11: expected "," or "}" after a property value, found the end of the text',
        },
      ],
    });
    expect(parseModelText('{"id": "x",}').ok).toBe(false);
    expect(parseModelText('[1] 2').ok).toBe(false);
  });

  it('reports YAML syntax errors with line and column', () => {
    const parsed = parseModelText('id: eis-toc\nid: again\n');
    expect(parsed).toEqual({
      ok: false,
      format: 'yaml',
      issues: [{ path: '', message: 'line 2, column 1: Map keys must be unique' }],
    });
    const nested = parseModelText('id: eis-toc\nname: a: b\n');
    expect(nested.ok).toBe(false);
    if (!nested.ok) expect(nested.issues[0]?.message).toMatch(/^line 2, column 7: /);
  });

  it('honours an explicit format', () => {
    expect(parseModelText('{"a": 1}', 'yaml')).toEqual({ ok: true, format: 'yaml', value: { a: 1 } });
    expect(parseModelText('a: 1', 'json').ok).toBe(false);
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level += 1) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(parseModelText(lines.join('\n')).ok).toBe(false);
  });
});
