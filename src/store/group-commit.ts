import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { CommitScope } from './commit-scope.ts';

/**
 * Group commit for the embedded database. SQLite has one writer, and most of a small write's cost is
 * its commit (the pages it dirtied go to the write-ahead log, and every so often the log is folded
 * back into the file). Transactions asked for while another one runs are queued, and the next
 * transaction runs all of them, one after the other, each inside its own savepoint:
 *
 * - a unit of work that fails is rolled back to its savepoint and fails alone, with its own error;
 *   the others go on and commit;
 * - a unit of work is answered only after the commit that holds it, so nothing is reported as saved
 *   that could still be lost; if the commit itself fails, every unit of that group fails with it;
 * - units run in the order they were asked for, and each sees the writes of those before it, exactly
 *   as if the transactions had run one after the other.
 *
 * - writes the units put off until the commit (`CommitScope`: the organization-level rollups) are
 *   summed over the units that succeeded and written once, right before the commit.
 *
 * The queue is drained two turns of the event loop after the first unit is asked for: the next poll
 * for input reads the requests already received meanwhile, so they share the commit instead of
 * waiting for the next one (the poll does not block when a drain is due; alone, a unit waits
 * microseconds). Each commit also recomputes the derived rows its units touched, once for all of them,
 * so fewer, larger groups cost less per unit: logging over HTTP with 20 clients, groups of about 7
 * units became about 15. A group holds at most `maximumGroup` units, which bounds the wait of the
 * first one.
 */

/** A unit of work: its statements run in `trx`; writes it puts off until the commit go to `scope` (see `CommitScope`). */
type Work<Schema, T> = (trx: Transaction<Schema>, scope: CommitScope<Schema>) => Promise<T>;

interface Unit<Schema> {
  work: Work<Schema, unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Settled outcome of a unit inside its group, before the group's commit. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit<Schema> {
  readonly #db: Kysely<Schema>;
  readonly #maximumGroup: number;
  #queue: Unit<Schema>[] = [];
  #draining = false;

  constructor(db: Kysely<Schema>, maximumGroup = 64) {
    this.#db = db;
    this.#maximumGroup = maximumGroup;
  }

  /** Runs `work` in a transaction, shared with other units asked for at about the same time. */
  run<T>(work: Work<Schema, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) {
        this.#draining = true;
        setImmediate(() => setImmediate(() => void this.#drain()));
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, this.#maximumGroup);
      await this.#commit(group);
    }
    this.#draining = false;
  }

  async #commit(group: Unit<Schema>[]): Promise<void> {
    // One unit alone needs no savepoint: its transaction is its own.
    if (group.length === 1) {
      const [unit] = group as [Unit<Schema>];
      await this.#db
        .transaction()
        .execute(async (trx) => {
          const scope = new CommitScope<Schema>();
          const value = await unit.work(trx, scope);
          await scope.writeAll(trx);
          return value;
        })
        .then(unit.resolve, unit.reject);
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = await this.#db.transaction().execute(async (trx) => {
        const settled: Outcome[] = [];
        const scope = new CommitScope<Schema>();
        for (const unit of group) {
          const own = new CommitScope<Schema>();
          const outcome = await runInSavepoint(trx, (t) => unit.work(t, own));
          if (outcome.ok) scope.absorb(own);
          settled.push(outcome);
        }
        await scope.writeAll(trx);
        return settled;
      });
    } catch (error) {
      for (const unit of group) unit.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const unit = group[i]!;
      if (outcome.ok) unit.resolve(outcome.value);
      else unit.reject(outcome.error);
    });
  }
}

/** The savepoint statements, compiled once: every unit of a group runs two of them. */
const savepoint = CompiledQuery.raw('savepoint group_unit');
const release = CompiledQuery.raw('release savepoint group_unit');
const rollbackTo = CompiledQuery.raw('rollback to savepoint group_unit');

async function runInSavepoint<Schema>(
  trx: Transaction<Schema>,
  work: (trx: Transaction<Schema>) => Promise<unknown>,
): Promise<Outcome> {
  await trx.executeQuery(savepoint);
  try {
    const value = await work(trx);
    await trx.executeQuery(release);
    return { ok: true, value };
  } catch (error) {
    try {
      await trx.executeQuery(rollbackTo);
      await trx.executeQuery(release);
    } catch {
      // The engine ended the whole transaction (for example a full disk): the group fails with the cause.
      throw error;
    }
    return { ok: false, error };
  }
}
