/**
 * What text Praxis accepts from anyone. U+0000 (NUL) is refused everywhere: PostgreSQL cannot store
 * it in text, no record needs it, and refusing it on input keeps both engines answering alike.
 */

export const nulCharacterMessage = 'must not contain the NUL character (U+0000)';

export const hasNulCharacter = (text: string): boolean => text.includes('\u0000');

/** At most this many places are named: enough to fix a request, bounded for a hostile one. */
const maxNulPaths = 100;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

interface Place {
  value: unknown;
  key: PropertyKey | null;
  parent: Place | null;
}

const pathOf = (place: Place): PropertyKey[] => {
  const path: PropertyKey[] = [];
  for (let at: Place | null = place; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
};

/**
 * Where a parsed JSON value holds U+0000: the key and index path of every string value or object key
 * that contains it, in document order. Walks with a stack of its own, so no nesting depth overflows it.
 */
export function nulCharacterPaths(value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const pending: Place[] = [{ value, key: null, parent: null }];
  while (pending.length > 0 && found.length < maxNulPaths) {
    const place = pending.pop()!;
    const current = place.value;
    if (typeof current === 'string') {
      if (hasNulCharacter(current)) found.push(pathOf(place));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) pending.push({ value: current[i], key: i, parent: place });
    } else if (isPlainObject(current)) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i]!;
        // A key is text too: a key holding NUL is named by itself, its value not searched further.
        pending.push({ value: hasNulCharacter(key) ? key : current[key], key, parent: place });
      }
    }
  }
  return found;
}
