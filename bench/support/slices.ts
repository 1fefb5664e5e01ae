/**
 * Slices of the support record against the peer (issue 14): Praxis's descriptives and practice use,
 * in process, and DuckDB answering the same question from the raw long rows
 * (`duckdb-baseline.ts`), timed alternately so both see the same load, for the whole organization, a
 * calendar period, half the engagements, and half the engagements over the period. Used by
 * `bench/scale.ts` (on the database it generates) and `bench/slices.ts` (on an existing one).
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { organizationDescriptives, organizationPracticeUse } from '../../src/app/analysis/descriptives.ts';
import type { TenantStore } from '../../src/store/store.ts';
import { DuckDbBaseline, dumpLongRows, type BaselineQuestion } from './duckdb-baseline.ts';
import { loadPerCore, readMachine } from './machine.ts';
import { round, summarize } from './quantiles.ts';
import { progress, ratioOf, type BenchRow } from './report.ts';

export interface SliceTimings {
  name: string;
  descriptives: number[];
  practiceUse: number[];
  duckdb: number[];
  loadPerCore: number;
  duckdbSetup: { rows: number; dumpSeconds: number; loadSeconds: number };
}

/** Times every slice `repeats` times; a disagreement between Praxis and DuckDB is added to `failures`. */
export async function compareSlices(options: {
  tenant: TenantStore;
  sqlite: Database.Database;
  organizationId: string;
  /** The engagements of the half selection. */
  half: string[];
  period: { from: string; to: string };
  repeats: number;
  /** Where the long CSV is written. */
  folder: string;
  today: string;
  failures: string[];
}): Promise<SliceTimings[]> {
  const { tenant, half, period, today, failures } = options;
  const slices: {
    name: string;
    question: BaselineQuestion;
    filter: { engagementIds?: string[]; fromMonth?: string; toMonth?: string };
  }[] = [
    { name: 'whole organization', question: { engagementIds: null }, filter: {} },
    {
      name: `period ${period.from}..${period.to}`,
      question: { engagementIds: null, fromMonth: period.from, toMonth: period.to },
      filter: { fromMonth: period.from, toMonth: period.to },
    },
    {
      name: `half the engagements (${half.length})`,
      question: { engagementIds: half },
      filter: { engagementIds: half },
    },
    {
      name: `half the engagements over ${period.from}..${period.to}`,
      question: { engagementIds: half, fromMonth: period.from, toMonth: period.to },
      filter: { engagementIds: half, fromMonth: period.from, toMonth: period.to },
    },
  ];
  const csv = path.join(options.folder, 'long.csv');
  let t = performance.now();
  const rows = await dumpLongRows(options.sqlite, options.organizationId, csv);
  const dumpSeconds = round((performance.now() - t) / 1000, 1);
  t = performance.now();
  const duckdb = await DuckDbBaseline.load(csv);
  const duckdbSetup = { rows, dumpSeconds, loadSeconds: round((performance.now() - t) / 1000, 1) };
  progress(
    `slices: ${rows.toLocaleString('en')} long rows dumped in ${dumpSeconds} s, loaded into DuckDB in ${duckdbSetup.loadSeconds} s`,
  );
  if ((await duckdb.count()) !== rows) failures.push('slices: DuckDB holds a different number of long rows');
  const result: SliceTimings[] = [];
  try {
    for (const slice of slices) {
      // Both answer from the same rows: the minutes per component must agree.
      const praxis = await organizationDescriptives(tenant, slice.filter, today);
      const answer = await duckdb.ask(slice.question);
      const praxisMinutes = new Map(praxis.minutesByComponent.map((c) => [c.componentId, c.minutes]));
      const duckdbMinutes = new Map<string, number>();
      for (const c of answer.componentMix)
        duckdbMinutes.set(c.componentId, (duckdbMinutes.get(c.componentId) ?? 0) + c.minutes);
      const differing = [...new Set([...praxisMinutes.keys(), ...duckdbMinutes.keys()])].filter(
        (id) => (praxisMinutes.get(id) ?? 0) !== (duckdbMinutes.get(id) ?? 0),
      );
      if (differing.length > 0)
        failures.push(`slices: ${slice.name}: minutes of ${differing.join(', ')} differ between Praxis and DuckDB`);
      await organizationPracticeUse(tenant, slice.filter, today);
      const timings: SliceTimings = {
        name: slice.name,
        descriptives: [],
        practiceUse: [],
        duckdb: [],
        loadPerCore: loadPerCore(readMachine()),
        duckdbSetup,
      };
      for (let i = 0; i < options.repeats; i++) {
        let started = performance.now();
        await organizationDescriptives(tenant, slice.filter, today);
        timings.descriptives.push(performance.now() - started);
        started = performance.now();
        await duckdb.ask(slice.question);
        timings.duckdb.push(performance.now() - started);
        started = performance.now();
        await organizationPracticeUse(tenant, slice.filter, today);
        timings.practiceUse.push(performance.now() - started);
      }
      const d = summarize(timings.descriptives);
      const u = summarize(timings.practiceUse);
      const k = summarize(timings.duckdb);
      progress(
        `  ${slice.name}: descriptives p50 ${d.p50} ms p95 ${d.p95} ms; practice use p50 ${u.p50} ms p95 ${u.p95} ms; DuckDB p50 ${k.p50} ms p95 ${k.p95} ms (load ${timings.loadPerCore} per core)`,
      );
      result.push(timings);
    }
  } finally {
    duckdb.close();
  }
  return result;
}

/** The bench rows of the slices: each view's p95 against DuckDB's p95 for the same slice. */
export function sliceRows(slices: readonly SliceTimings[], scale: string): BenchRow[] {
  return slices.flatMap((slice) => {
    const duckdb = summarize(slice.duckdb);
    return (
      [
        ['trajectory descriptives', summarize(slice.descriptives)],
        ['practice use', summarize(slice.practiceUse)],
      ] as const
    ).map(([view, timings]) => ({
      bench: 'scale',
      name: `${view}, ${slice.name}, ${scale} (in process)`,
      figure: timings.p95,
      unit: 'ms p95',
      target: '≤ 200 ms and ≤ DuckDB (issue 14)',
      pass: timings.p95 <= 200 && timings.p95 <= duckdb.p95,
      baseline:
        'DuckDB over the raw long rows: dose by month of the relationship with quartiles + component mix, same slice',
      baselineFigure: duckdb.p95,
      ratio: ratioOf(timings.p95, duckdb.p95),
      details: {
        p50_ms: timings.p50,
        p99_ms: timings.p99,
        max_ms: timings.max,
        repeats: timings.n,
        load_per_core: slice.loadPerCore,
        duckdb_p50_ms: duckdb.p50,
        duckdb_long_rows: slice.duckdbSetup.rows,
        duckdb_dump_seconds: slice.duckdbSetup.dumpSeconds,
        duckdb_load_seconds: slice.duckdbSetup.loadSeconds,
      },
    }));
  });
}
