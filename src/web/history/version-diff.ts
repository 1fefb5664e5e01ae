import { fieldLabel, readableValue } from './readable-change.ts';
import type { NameOf } from './readable-change.ts';

/** Side-by-side comparison of two versions of a record, field by field. */

export interface DiffRow {
  field: string;
  label: string;
  yours: string;
  theirs: string;
  differs: boolean;
}

export function versionDiff<T extends object, F extends keyof T & string>(
  yours: T,
  theirs: T,
  fields: readonly F[],
  nameOf: NameOf = () => undefined,
): DiffRow[] {
  return fields.map((field) => ({
    field,
    label: fieldLabel(field),
    yours: readableValue(yours[field], nameOf),
    theirs: readableValue(theirs[field], nameOf),
    differs: JSON.stringify(yours[field]) !== JSON.stringify(theirs[field]),
  }));
}
