/**
 * `npm run bench`: every benchmark, one after another, each in its own process, then one table.
 *
 *   npm run bench [-- --quick] [-- --only logging,scale]
 *
 * Prints the machine first (CPU, cores, memory, OS, Node, load average), then each bench's progress,
 * then a summary: figure, target, same-run baseline, ratio and pass/fail against the issues' targets.
 * The summary, the machine and every raw JSON line are also written to a Markdown file in the
 * temporary folder, whose path is printed at the end. Exits 1 when a bench fails to run (or reports
 * a failure such as a non-2xx response); a missed target is reported, not an error.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, readMachine, type Machine } from './support/machine.ts';
import type { BenchRow } from './support/report.ts';
import { summaryRow, type SummaryRow } from './support/summary.ts';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const benchDir = path.dirname(fileURLToPath(import.meta.url));

interface BenchScript {
  name: string;
  args: string[];
}

/**
 * Known benches in the order they run, with the arguments of a full and a quick run. Any other
 * `bench/*.ts` is run after them with `--quick` passed through.
 */
const known: Record<string, { full: string[]; quick: string[] }> = {
  model: { full: [], quick: ['--quick'] },
  logging: { full: [], quick: ['--quick'] },
  scale: { full: [], quick: ['--quick'] },
  stats: { full: [], quick: ['--groups', '1000', '--repeats', '2'] },
  import: { full: [], quick: ['--quick'] },
  backup: { full: [], quick: ['--quick'] },
  export: { full: [], quick: ['--quick'] },
  startup: { full: [], quick: ['--runs', '3'] },
  signals: { full: [], quick: ['--quick'] },
  agreement: { full: [], quick: ['--runs', '2'] },
  email: { full: [], quick: ['--quick'] },
};

function benches(): BenchScript[] {
  const found = readdirSync(benchDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.ts'.length));
  const order = (name: string) => {
    const at = Object.keys(known).indexOf(name);
    return at < 0 ? Object.keys(known).length : at;
  };
  return found
    .filter((name) => !only || only.has(name))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((name) => ({ name, args: known[name] ? known[name][quick ? 'quick' : 'full'] : quick ? ['--quick'] : [] }));
}

interface BenchOutcome {
  script: BenchScript;
  exitCode: number | null;
  seconds: number;
  lines: unknown[];
  /** Standard output that was not JSON, kept for the report. */
  text: string[];
}

/** Runs one bench; its progress (standard error) goes straight to ours, its JSON lines are collected. */
function runBench(script: BenchScript): Promise<BenchOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', path.join(benchDir, `${script.name}.ts`), ...script.args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: path.dirname(benchDir),
    });
    const lines: unknown[] = [];
    const text: string[] = [];
    let pending = '';
    const take = (line: string) => {
      const trimmed = line.trim();
      if (!trimmed) return;
      try {
        lines.push(JSON.parse(trimmed));
        process.stderr.write(`  → ${trimmed.length > 160 ? `${trimmed.slice(0, 157)}...` : trimmed}\n`);
      } catch {
        text.push(trimmed);
        process.stderr.write(`  ${trimmed}\n`);
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      parts.forEach(take);
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      take(pending);
      resolve({ script, exitCode, seconds: (performance.now() - started) / 1000, lines, text });
    });
  });
}

function table(rows: SummaryRow[]): string[][] {
  return [
    ['bench', 'measured', 'figure', 'target', 'baseline (same run)', 'ratio', 'result'],
    ...rows.map((r) => [r.bench, r.name, r.figure, r.target, r.baseline, r.ratio, r.result]),
  ];
}

function plainTable(cells: string[][]): string {
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function markdownTable(cells: string[][]): string {
  const line = (row: string[]) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(cells[0]!), `|${cells[0]!.map(() => '---').join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

function report(
  machine: Machine,
  endMachine: Machine,
  outcomes: BenchOutcome[],
  rows: SummaryRow[],
  command: string,
  startedAt: Date,
): string {
  return [
    `# Praxis benchmarks, ${startedAt.toISOString()}`,
    '',
    `Command: \`${command}\``,
    '',
    `Machine: ${describeMachine(machine)} (at start); load average ${endMachine.loadAverage.join(' / ')} at the end.`,
    '',
    markdownTable(table(rows)),
    '',
    ...outcomes.map((o) => `- ${o.script.name}: ${o.seconds.toFixed(0)} s, exit code ${o.exitCode}`),
    '',
    '## Raw lines',
    '',
    '```',
    ...outcomes.flatMap((o) => o.lines.map((l) => `${o.script.name}\t${JSON.stringify(l)}`)),
    '```',
    '',
  ].join('\n');
}

const startedAt = new Date();
const machine = readMachine();
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
process.stderr.write(`Praxis benchmarks (${quick ? 'quick' : 'full'} run)\n`);
process.stderr.write(`Machine: ${describeMachine(machine)}\n`);
if (machine.loadAverage[0] > machine.cores) {
  process.stderr.write(
    `Note: the load average is above the number of cores; absolute figures will be low, ratios to the same-run baselines still hold.\n`,
  );
}

const outcomes: BenchOutcome[] = [];
for (const script of benches()) {
  process.stderr.write(`\n== ${script.name} (${['npx tsx', `bench/${script.name}.ts`, ...script.args].join(' ')})\n`);
  outcomes.push(await runBench(script));
}

const rows: SummaryRow[] = outcomes.flatMap((o) => {
  const fromLines = o.lines.map((line) => summaryRow(o.script.name, line as BenchRow | Record<string, unknown>));
  if (o.exitCode === 0) return fromLines;
  return [
    ...fromLines,
    {
      bench: o.script.name,
      name: 'the bench itself',
      figure: `exit code ${o.exitCode}`,
      target: 'runs to the end',
      baseline: '',
      ratio: '',
      result: 'FAIL',
      pass: false,
    },
  ];
});

const endMachine = readMachine();
const cells = table(rows);
process.stdout.write(`\nPraxis benchmarks, ${quick ? 'quick' : 'full'} run, ${startedAt.toISOString()}\n`);
process.stdout.write(
  `Machine: ${describeMachine(machine)}; load average at the end ${endMachine.loadAverage.join(' / ')}\n\n`,
);
process.stdout.write(`${plainTable(cells)}\n\n`);
const file = path.join(tmpdir(), `praxis-bench-${startedAt.toISOString().replaceAll(':', '-').slice(0, 19)}.md`);
writeFileSync(file, report(machine, endMachine, outcomes, rows, command, startedAt));
const passed = rows.filter((r) => r.pass === true).length;
const failed = rows.filter((r) => r.pass === false).length;
process.stdout.write(
  `${passed} met their target, ${failed} did not, ${rows.length - passed - failed} without a target. Written to ${file}\n`,
);
if (outcomes.some((o) => o.exitCode !== 0)) process.exitCode = 1;
