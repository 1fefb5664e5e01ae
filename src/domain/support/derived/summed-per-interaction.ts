import { calendarMonth, relationshipMonth } from '../months.ts';
import {
  addRows,
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
        addRows(
          byKey,
          spec.contributions(interaction, {
            calendarMonth: calendarMonth(interaction.date),
            relationshipMonth: relationshipMonth(source.startDate, interaction.date),
          }),
          key,
          sums,
        );
      return [...byKey.values()];
    },
  };
}
