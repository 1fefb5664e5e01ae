/** A summary of scores from several respondents or units: n, mean and sample standard deviation. */
export interface ScoreSummary {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Respondents whose score was missing, left out of n. */
  missing: number;
}

/** Summarizes scores, leaving out missing ones (counted in `missing`). */
export function summarizeScores(values: readonly (number | null)[]): ScoreSummary {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const missing = values.length - present.length;
  const n = present.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null, missing };
  const mean = present.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? null : Math.sqrt(present.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, min: Math.min(...present), max: Math.max(...present), missing };
}

/** Groups values by a key and summarizes each group: the score of a team is the mean of its members. */
export function aggregateBy<T>(
  rows: readonly T[],
  key: (row: T) => string | null,
  value: (row: T) => number | null,
): Map<string, ScoreSummary> {
  const groups = new Map<string, (number | null)[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(value(row));
    groups.set(k, list);
  }
  return new Map([...groups].map(([k, values]) => [k, summarizeScores(values)]));
}
