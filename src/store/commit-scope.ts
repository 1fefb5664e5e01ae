import type { Transaction } from 'kysely';

/**
 * Writes put off until just before a transaction commits. Units of work that share one commit (group
 * commit, see `GroupCommit`) then write them once, summed, instead of once each: for example the
 * organization-level rollups, which every logged interaction changes.
 */
export interface PendingWrites<Schema> {
  /** Adds another unit's pending writes of the same kind to these. */
  merge(other: this): void;
  /** Writes them, inside the transaction, before it commits. */
  write(trx: Transaction<Schema>): Promise<void>;
}

/**
 * The pending writes of one unit of work, or of a whole transaction. A unit adds to its own; only when
 * it succeeds are they merged into its transaction's, so a unit that fails (and is rolled back to its
 * savepoint) leaves nothing behind. They are written right before the commit; if that fails, the
 * transaction fails with every unit in it, as when the commit itself fails.
 */
export class CommitScope<Schema> {
  readonly #pending = new Map<string, PendingWrites<Schema>>();

  /** This scope's pending writes of one kind, made on first use. */
  pending<P extends PendingWrites<Schema>>(kind: string, create: () => P): P {
    let pending = this.#pending.get(kind) as P | undefined;
    if (!pending) this.#pending.set(kind, (pending = create()));
    return pending;
  }

  /** Takes in the pending writes of a unit that succeeded. */
  absorb(unit: CommitScope<Schema>): void {
    for (const [kind, pending] of unit.#pending) {
      const mine = this.#pending.get(kind);
      if (mine) mine.merge(pending);
      else this.#pending.set(kind, pending);
    }
  }

  /** Writes every pending write, in the order their kinds were first used. */
  async writeAll(trx: Transaction<Schema>): Promise<void> {
    for (const pending of this.#pending.values()) await pending.write(trx);
    this.#pending.clear();
  }
}
