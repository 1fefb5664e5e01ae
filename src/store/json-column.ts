import type { z } from 'zod';

/**
 * The value of a JSON column, checked against the domain's schema as it is read: a cell that is not
 * JSON, or not of the shape the domain expects, is refused with an error naming the table, the column
 * and the row, instead of passing a wrong value on.
 */
export function readJsonColumn<S extends z.ZodType>(
  schema: S,
  text: string,
  where: { table: string; column: string; id: string },
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `corrupt JSON in ${where.table}.${where.column} of ${where.id}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new Error(`corrupt JSON in ${where.table}.${where.column} of ${where.id}${at}: ${issue.message}`);
  }
  return parsed.data;
}
