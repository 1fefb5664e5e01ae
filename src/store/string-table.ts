/**
 * A map from strings to whole numbers below 2^31 (here: a row of a file), kept outside the JavaScript heap. An
 * import remembers a key and a signature for every interaction of a file, hundreds of thousands of them;
 * as strings in a `Map` each cost about a hundred bytes more than its characters and gave the garbage
 * collector that much more to walk. Here each costs its UTF-8 bytes and a slot of twenty bytes.
 * Exact: a lookup compares the bytes, never only a hash.
 */

const encoder = new TextEncoder();
/** Bytes per piece of the pool: strings are appended, never moved. */
const pieceSize = 1 << 20;

export class StringTable {
  /** Per slot: piece, offset in it, length (in bytes); a length of -1 marks an empty slot. */
  private slots: Int32Array;
  private values: Int32Array;
  private hashes: Int32Array;
  private capacity: number;
  private count = 0;
  private readonly pieces: Uint8Array[] = [new Uint8Array(pieceSize)];
  private used = 0;
  private scratch = new Uint8Array(256);

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.slots = new Int32Array(initialCapacity * 3).fill(-1);
    this.values = new Int32Array(initialCapacity);
    this.hashes = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const length = this.encode(key);
    const slot = this.find(this.hash(length), length);
    return this.slots[slot * 3 + 2] === -1 ? undefined : this.values[slot];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets the value of `key`. */
  set(key: string, value: number): void {
    const length = this.encode(key);
    const hash = this.hash(length);
    let slot = this.find(hash, length);
    if (this.slots[slot * 3 + 2] === -1) {
      if ((this.count + 1) * 4 > this.capacity * 3) {
        this.grow();
        slot = this.find(hash, length);
      }
      this.store(slot, hash, length);
      this.count += 1;
    }
    this.values[slot] = value;
  }

  /** Encodes `key` into the scratch buffer; returns its length in bytes. */
  private encode(key: string): number {
    if (key.length * 3 > this.scratch.length) this.scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.scratch).written;
  }

  /** FNV-1a of the scratch buffer's first `length` bytes. */
  private hash(length: number): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < length; i += 1) h = Math.imul(h ^ this.scratch[i]!, 0x01000193);
    return h | 0;
  }

  /** The slot holding the scratch buffer's key, or the empty slot where it belongs. */
  private find(hash: number, length: number): number {
    const mask = this.capacity - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const storedLength = this.slots[slot * 3 + 2]!;
      if (storedLength === -1) return slot;
      if (storedLength === length && this.hashes[slot] === hash && this.equals(slot, length)) return slot;
    }
  }

  private equals(slot: number, length: number): boolean {
    const piece = this.pieces[this.slots[slot * 3]!]!;
    const offset = this.slots[slot * 3 + 1]!;
    for (let i = 0; i < length; i += 1) if (piece[offset + i] !== this.scratch[i]) return false;
    return true;
  }

  /** Copies the scratch buffer's key into the pool and points `slot` at it. */
  private store(slot: number, hash: number, length: number): void {
    if (this.used + length > pieceSize) {
      this.pieces.push(new Uint8Array(Math.max(pieceSize, length)));
      this.used = 0;
    }
    const pieceIndex = this.pieces.length - 1;
    this.pieces[pieceIndex]!.set(this.scratch.subarray(0, length), this.used);
    this.slots[slot * 3] = pieceIndex;
    this.slots[slot * 3 + 1] = this.used;
    this.slots[slot * 3 + 2] = length;
    this.hashes[slot] = hash;
    this.used += length;
  }

  /** Doubles the slots, placing every key again (the pool stays as it is). */
  private grow(): void {
    const { slots, values, hashes, capacity } = this;
    this.capacity = capacity * 2;
    this.slots = new Int32Array(this.capacity * 3).fill(-1);
    this.values = new Int32Array(this.capacity);
    this.hashes = new Int32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let old = 0; old < capacity; old += 1) {
      if (slots[old * 3 + 2] === -1) continue;
      let slot = hashes[old]! & mask;
      while (this.slots[slot * 3 + 2] !== -1) slot = (slot + 1) & mask;
      this.slots.set(slots.subarray(old * 3, old * 3 + 3), slot * 3);
      this.values[slot] = values[old]!;
      this.hashes[slot] = hashes[old]!;
    }
  }
}
