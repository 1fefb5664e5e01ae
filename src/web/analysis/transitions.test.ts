import { describe, expect, test } from 'vitest';
import { splitTransitions } from './transitions.ts';

describe('splitTransitions', () => {
  test('separates staying with a component from moving to another', () => {
    const split = splitTransitions([
      { from: 'coaching', to: 'coaching', count: 9 },
      { from: 'coaching', to: 'teaching', count: 2 },
      { from: 'teaching', to: 'teaching', count: 4 },
      { from: 'teaching', to: 'coaching', count: 3 },
    ]);
    expect(split.stays).toEqual([
      { componentId: 'coaching', count: 9 },
      { componentId: 'teaching', count: 4 },
    ]);
    expect(split.moves.map((t) => `${t.from}>${t.to}`)).toEqual(['teaching>coaching', 'coaching>teaching']);
    expect([split.stayed, split.moved]).toEqual([13, 5]);
  });
});
