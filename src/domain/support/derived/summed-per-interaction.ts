import { calendarMonth, relationshipMonth } from '../months.ts';
import {
  addRow,
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
  return {
    level: 'engagement',
    table: spec.table,
    grain: spec.grain,
    key: spec.key,
    values: spec.values,
    rows: (source) => {
      const byKey = new Map<string, DerivedRow>();
      for (const interaction of source.interactions)
        for (const row of spec.contributions(interaction, monthsOf(source.startDate, interaction)))
          addRow(byKey, row, key, sums);
      return [...byKey.values()];
    },
  };
}
