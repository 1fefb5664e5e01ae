import { describe, expect, test } from 'vitest';
import { asSentence } from './sentence.ts';

describe('asSentence', () => {
  test('raises the first letter and ends with a stop', () => {
    expect(asSentence('interaction not found')).toBe('Interaction not found.');
    expect(asSentence('  The request failed (HTTP 400) ')).toBe('The request failed (HTTP 400).');
  });

  test('keeps a sentence that is already finished as it is', () => {
    expect(asSentence('Cannot reach the server. Check your connection and try again.')).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
    expect(asSentence('Save anyway?')).toBe('Save anyway?');
    expect(asSentence('The file has 3 problems:')).toBe('The file has 3 problems:');
    expect(asSentence('Reading the file…')).toBe('Reading the file…');
    expect(asSentence('It said "done."')).toBe('It said "done."');
  });

  test('leaves a message that starts with a digit or a quote alone at the start', () => {
    expect(asSentence('3 rows were refused')).toBe('3 rows were refused.');
    expect(asSentence('"x" is not a column')).toBe('"x" is not a column.');
  });

  test('gives nothing for nothing', () => {
    expect(asSentence('   ')).toBe('');
  });
});
