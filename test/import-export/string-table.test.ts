import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringTable } from '../../src/store/string-table.ts';

describe('the string table an import remembers keys and signatures in', () => {
  it('behaves as a Map from strings to rows, growing as it fills', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.oneof(fc.string(), fc.constantFrom('', 'k1', 'ünïcödé', 'x'.repeat(3000))), fc.nat(2 ** 31 - 1)),
          { maxLength: 400 },
        ),
        (entries) => {
          const table = new StringTable(4);
          const map = new Map<string, number>();
          for (const [key, value] of entries) {
            table.set(key, value);
            map.set(key, value);
          }
          expect(table.size).toBe(map.size);
          for (const [key, value] of map) expect(table.get(key)).toBe(value);
          for (const [key] of entries) expect(table.has(`${key}?`)).toBe(map.has(`${key}?`));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps keys longer than a piece of its pool', () => {
    const table = new StringTable();
    const long = 'k'.repeat(3 << 20);
    for (let i = 0; i < 5000; i += 1) table.set(`key ${i}`, i);
    table.set(long, 7);
    table.set('after', 8);
    expect([table.get(long), table.get('after'), table.get('key 4999'), table.get(`${long}!`)]).toEqual([
      7,
      8,
      4999,
      undefined,
    ]);
  });
});
