import { CompiledQuery, type QueryResult, type RawBuilder } from 'kysely';
import type { Executor } from '../repositories/executor.ts';

/**
 * Statements of the derived-row path whose SQL text depends only on their shape (the table, how many
 * months or rows), compiled once per shape and database. A recompute at every commit runs some thirty
 * of them, and building and compiling each anew through Kysely cost about as much as running them.
 *
 * `parameters` lists the statement's values in the order its SQL takes them. The first run of a shape
 * compiles `statement()` and checks that its parameters are exactly those, so a list out of step with
 * its SQL fails at once instead of binding values to the wrong places.
 */
const texts = new WeakMap<object, Map<string, string>>();

export function runShaped<R>(
  db: Executor,
  shape: string,
  statement: () => RawBuilder<unknown>,
  parameters: readonly unknown[],
): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter;
  let byShape = texts.get(adapter);
  if (!byShape) texts.set(adapter, (byShape = new Map()));
  let text = byShape.get(shape);
  if (text === undefined) {
    const compiled = statement().compile(db);
    const same =
      compiled.parameters.length === parameters.length && compiled.parameters.every((p, i) => p === parameters[i]);
    if (!same) throw new Error(`statement "${shape}" lists its values in another order or number than its SQL`);
    byShape.set(shape, (text = compiled.sql));
  }
  return db.executeQuery(CompiledQuery.raw(text, parameters as unknown[])) as Promise<QueryResult<R>>;
}
