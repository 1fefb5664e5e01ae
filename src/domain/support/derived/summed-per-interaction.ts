import { calendarMonth, relationshipMonth } from '../months.ts';
import {
  type Cell,
  type ColumnType,
  type DerivedInteraction,
  type DerivedRow,
  type EngagementDeclaration,
  type Grain,
} from './declaration.ts';

/** The months an interaction falls in, given its engagement's start date. */
export interface InteractionMonths {
  calendarMonth: string;
  relationshipMonth: number;
}

/**
 * The months of each interaction of a source, worked out once for all the tables that read it (every
 * table of a recompute reads the same interactions).
 */
const monthsOfInteraction = new WeakMap<DerivedInteraction, { startDate: string; months: InteractionMonths }>();

export function monthsOf(startDate: string, interaction: DerivedInteraction): InteractionMonths {
  const known = monthsOfInteraction.get(interaction);
  if (known && known.startDate === startDate) return known.months;
  const months = {
    calendarMonth: calendarMonth(interaction.date),
    relationshipMonth: relationshipMonth(startDate, interaction.date),
  };
  monthsOfInteraction.set(interaction, { startDate, months });
  return months;
}

/**
 * An engagement-level table whose rows are sums of what each interaction contributes: the
 * contributions of every interaction, added up per key. `values` are all summed.
 *
 * `contributions` must return rows of its own (new objects): the first row of a key becomes the
 * table's row and later ones are added into it. Rows are found by key through one map per key column,
 * so adding up the contributions of every interaction of a month (each recompute does) makes no key
 * strings and copies no rows.
 */
export function summedPerInteraction(spec: {
  table: string;
  grain: Grain;
  key: Record<string, ColumnType>;
  values: Record<string, ColumnType>;
  contributions: (interaction: DerivedInteraction, months: InteractionMonths) => DerivedRow[];
}): EngagementDeclaration {
  const key = Object.keys(spec.key);
  const sums = Object.keys(spec.values);
  const inner = key.slice(0, -1);
  const last = key.at(-1)!;
  return {
    level: 'engagement',
    table: spec.table,
    grain: spec.grain,
    key: spec.key,
    values: spec.values,
    rows: (source) => {
      const byKey = new Map<Cell, unknown>();
      const rows: DerivedRow[] = [];
      for (const interaction of source.interactions)
        for (const row of spec.contributions(interaction, monthsOf(source.startDate, interaction))) {
          let level = byKey;
          for (const column of inner) {
            const cell = row[column] ?? null;
            let next = level.get(cell) as Map<Cell, unknown> | undefined;
            if (!next) level.set(cell, (next = new Map()));
            level = next;
          }
          const lastCell = row[last] ?? null;
          const slot = level.get(lastCell) as DerivedRow | undefined;
          if (!slot) {
            level.set(lastCell, row);
            rows.push(row);
          } else for (const s of sums) slot[s] = (slot[s] as number) + (row[s] as number);
        }
      return rows;
    },
  };
}
