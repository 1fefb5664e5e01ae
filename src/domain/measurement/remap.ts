import type { Instrument, InstrumentAnswers } from './instrument.ts';

/**
 * Carries answers given on an earlier version onto a later one, for recomputing scores. Each version's
 * `supersedes.itemMap` maps old item ids to new ones (null: dropped); ids not listed carry over as they
 * are. Maps are applied in order along the version line, and answers to items the target lacks are dropped.
 * `line` is every version of the instrument, oldest first.
 */
export function carryAnswers(
  answers: InstrumentAnswers,
  answeredVersion: string,
  target: Instrument,
  line: readonly Instrument[],
): InstrumentAnswers {
  const start = line.findIndex((v) => v.version === answeredVersion);
  const end = line.findIndex((v) => v.version === target.version);
  let current: InstrumentAnswers = { ...answers };
  if (start !== -1 && end > start) {
    for (const next of line.slice(start + 1, end + 1)) {
      const map = next.supersedes?.itemMap ?? {};
      const moved: InstrumentAnswers = {};
      for (const [itemId, value] of Object.entries(current)) {
        const to = itemId in map ? map[itemId] : itemId;
        if (to !== null && to !== undefined) moved[to] = value;
      }
      current = moved;
    }
  }
  const known = new Set(target.items.map((i) => i.id));
  return Object.fromEntries(Object.entries(current).filter(([itemId]) => known.has(itemId)));
}
