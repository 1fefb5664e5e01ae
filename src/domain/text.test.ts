import { describe, expect, it } from 'vitest';
import { nulCharacterPaths } from './text.ts';

describe('nulCharacterPaths', () => {
  it('names every string value and key holding U+0000, in document order', () => {
    const body = {
      name: 'fine',
      notes: 'a\u0000b',
      nextSteps: [{ text: 'ok' }, { text: '\u0000' }],
      counts: { 'te\u0000am': 3 },
      nested: [['x', ['y\u0000']]],
    };
    expect(nulCharacterPaths(body)).toEqual([
      ['notes'],
      ['nextSteps', 1, 'text'],
      ['counts', 'te\u0000am'],
      ['nested', 0, 1, 0],
    ]);
  });

  it('finds nothing in clean values, numbers, booleans and null', () => {
    expect(nulCharacterPaths({ a: 1, b: [true, null, 'text', { c: 'd' }] })).toEqual([]);
    expect(nulCharacterPaths('\u0000')).toEqual([[]]);
  });

  it('walks any nesting depth without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    const [path] = nulCharacterPaths(deep);
    expect(path).toHaveLength(200_000);
  });

  it('names a bounded number of places', () => {
    expect(nulCharacterPaths(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(100);
  });
});
