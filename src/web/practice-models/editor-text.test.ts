import { describe, expect, test } from 'vitest';
import { parseModelText } from '../../model/format.ts';
import { convertModelText, formatOfFile } from './editor-text.ts';
import { NEW_MODEL_TEMPLATE } from './new-model-template.ts';

describe('formatOfFile', () => {
  test('trusts the extension, then the text', () => {
    expect(formatOfFile('model.JSON', 'id: a')).toBe('json');
    expect(formatOfFile('model.yml', '{}')).toBe('yaml');
    expect(formatOfFile('model.txt', '  {"id": "a"}')).toBe('json');
    expect(formatOfFile('model', 'id: a')).toBe('yaml');
  });
});

describe('convertModelText', () => {
  test('YAML → JSON → YAML keeps the document', () => {
    const json = convertModelText(NEW_MODEL_TEMPLATE, 'yaml', 'json') ?? '';
    const yaml = convertModelText(json, 'json', 'yaml') ?? '';
    const original = parseModelText(NEW_MODEL_TEMPLATE, 'yaml');
    const back = parseModelText(yaml, 'yaml');
    expect(original.ok && back.ok && back.value).toEqual(original.ok && original.value);
  });

  test('refuses text that does not parse', () => {
    expect(convertModelText('{"id": ', 'json', 'yaml')).toBeUndefined();
  });
});
