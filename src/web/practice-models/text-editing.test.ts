import { describe, expect, test } from 'vitest';
import { indentText, newlineWithIndent, outdentText } from './text-editing.ts';

describe('keyboard edits', () => {
  test('Tab inserts two spaces at the cursor, replacing a selection within a line', () => {
    expect(indentText('ab', 1, 1)).toEqual({ text: 'a  b', selectionStart: 3, selectionEnd: 3 });
    expect(indentText('abc', 1, 2)).toEqual({ text: 'a  c', selectionStart: 3, selectionEnd: 3 });
  });

  test('Tab over several lines indents each', () => {
    const edit = indentText('a\nb\nc', 0, 3);
    expect(edit.text).toBe('  a\n  b\nc');
    expect(edit.text.slice(edit.selectionStart, edit.selectionEnd)).toBe('a\n  b');
  });

  test('Shift+Tab removes up to two leading spaces from each line', () => {
    expect(outdentText('    a\n b\nc', 2, 8).text).toBe('  a\nb\nc');
    expect(outdentText('a', 1, 1)).toEqual({ text: 'a', selectionStart: 1, selectionEnd: 1 });
  });

  test('Enter keeps the indentation of the line', () => {
    expect(newlineWithIndent('  - id: a', 9, 9)).toEqual({
      text: '  - id: a\n  ',
      selectionStart: 12,
      selectionEnd: 12,
    });
  });
});
