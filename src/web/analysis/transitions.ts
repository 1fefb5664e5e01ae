export interface Transition {
  from: string;
  to: string;
  count: number;
}

export interface SplitTransitions {
  /** Month pairs that kept the same dominant component, by component, most frequent first. */
  stays: { componentId: string; count: number }[];
  /** Month pairs whose dominant component changed, most frequent first. */
  moves: Transition[];
  stayed: number;
  moved: number;
}

/** Separates staying with a component from moving to another, so a long run of one component does not read as a transition. */
export function splitTransitions(transitions: readonly Transition[]): SplitTransitions {
  const stays = transitions
    .filter((t) => t.from === t.to)
    .map((t) => ({ componentId: t.from, count: t.count }))
    .sort((a, b) => b.count - a.count || a.componentId.localeCompare(b.componentId));
  const moves = transitions
    .filter((t) => t.from !== t.to)
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const total = (list: readonly { count: number }[]) => list.reduce((sum, t) => sum + t.count, 0);
  return { stays, moves, stayed: total(stays), moved: total(moves) };
}
