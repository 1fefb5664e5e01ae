/** Sums over an engagement's live interactions, as the rollups and the database give them. */
export interface PracticeTotals {
  interactions: number;
  modes: readonly { mode: string; interactions: number; minutes: number }[];
  principles: readonly { principleId: string; interactions: number; ratings: number; ratingSum: number }[];
  /** Interactions per component (the component rollup's interactions, summed over months). */
  components: readonly { componentId: string; interactions: number }[];
  activities: readonly { componentId: string; activityId: string; uses: number }[];
}
