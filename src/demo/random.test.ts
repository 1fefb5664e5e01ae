import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom', () => {
  it('repeats its stream for a seed and gives unrelated streams for neighbouring seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(0).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws floats in [0, 1) with a uniform mean and integers over the whole closed range', () => {
    const random = createRandom(7);
    const floats = Array.from({ length: 20_000 }, random.next);
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(floats.reduce((a, b) => a + b, 0) / floats.length).toBeCloseTo(0.5, 1);
    const ints = new Set(Array.from({ length: 2_000 }, () => random.int(2, 5)));
    expect([...ints].sort()).toEqual([2, 3, 4, 5]);
  });

  it('samples distinct items and never draws a zero weight', () => {
    const random = createRandom(11);
    for (let i = 0; i < 200; i++) {
      const sample = random.sample(['a', 'b', 'c', 'd'], 3);
      expect(new Set(sample).size).toBe(3);
      const weighted = random.weightedSample(['a', 'b', 'c', 'd'], [0, 1, 5, 0], 4);
      expect(weighted.sort()).toEqual(['b', 'c']);
      expect([0, 2]).not.toContain(random.weightedIndex([0, 3, 0, 1]));
    }
    expect(random.sample([1, 2], 5)).toHaveLength(2);
    expect(() => random.weightedIndex([0, 0])).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('draws in proportion to weight', () => {
    const random = createRandom(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.weightedIndex([1, 2, 3])]! += 1;
    expect(counts.map((c) => c / 30_000)).toEqual([
      expect.closeTo(1 / 6, 1),
      expect.closeTo(2 / 6, 1),
      expect.closeTo(3 / 6, 1),
    ]);
  });
});
