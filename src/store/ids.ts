import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/** Random bytes for ids, filled 4 KB at a time: one call into the system's generator per 256 ids, not per id. */
const pool = new Uint8Array(4096);
let used = pool.length;
/** The millisecond and the 32-bit counter of the last id, as uuid's own v7 keeps them, so ids made in one millisecond still sort in order. */
let lastMsecs = -Infinity;
let sequence = 0;

/** New record id: a UUIDv7, so ids sort by creation time and make stable pagination cursors. */
export function newId(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, (used += 16));
  const now = Date.now();
  if (now > lastMsecs) {
    lastMsecs = now;
    sequence = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMsecs += 1;
  }
  return v7({ random, msecs: lastMsecs, seq: sequence });
}

/** The current instant as the ISO-8601 UTC text every table stores. */
export const nowIso = (): string => new Date().toISOString();
