import { describe, expect, test } from 'vitest';
import { eisToc } from '../../model/builtin/index.ts';
import { parseModelText } from '../../model/format.ts';
import { validateModel, validateSuccessor } from '../../model/validate.ts';
import { nextMinorVersion, successorDraft } from './model-versions.ts';
import { NEW_MODEL_TEMPLATE } from './new-model-template.ts';

describe('nextMinorVersion', () => {
  test.each([
    ['1.0.0', '1.1.0'],
    ['1.9.3', '1.10.0'],
    ['2.3.4-beta.1', '2.4.0'],
    ['0.0.1', '0.1.0'],
    ['not a version', '0.1.0'],
  ])('%s → %s', (version, next) => expect(nextMinorVersion(version)).toBe(next));
});

describe('successorDraft', () => {
  test('is a valid next version of the model it starts from', () => {
    const draft = successorDraft(eisToc);
    expect(draft.version).toBe('1.1.0');
    expect(draft.supersedes).toEqual({ version: '1.0.0', idMap: {} });
    expect(validateSuccessor(eisToc, draft).errors).toEqual([]);
  });

  test('replaces the supersedes block of the version it starts from', () => {
    const second = successorDraft(eisToc);
    const third = successorDraft({ ...second, supersedes: { version: '1.0.0', idMap: { teaching: 'instructing' } } });
    expect(third.supersedes).toEqual({ version: '1.1.0', idMap: {} });
  });
});

describe('NEW_MODEL_TEMPLATE', () => {
  test('is a valid model without warnings', () => {
    const parsed = parseModelText(NEW_MODEL_TEMPLATE);
    expect(parsed.ok).toBe(true);
    const validation = validateModel(parsed.ok ? parsed.value : undefined);
    expect(validation.errors).toEqual([]);
    expect(validation.warnings).toEqual([]);
  });
});
