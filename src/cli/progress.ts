/**
 * Progress of long work on a terminal: how much is done, the rate, and the time left, redrawn in place
 * on one line of standard error. Shown only to a person watching: when standard error and standard
 * output are both terminals and the command was not asked for `--json`. Anywhere else (a pipe, a file,
 * a script reading JSON) it writes nothing, so the output stays what it was.
 */

/** Where progress is drawn; `process.stderr` in the CLI. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** What is counted, plural: `rows`, `interactions`. */
  unit: string;
  /** How many there are in all, when known; without it no share or time left is shown. */
  total?: number | undefined;
  /** The command's `--json`: machine-read output gets no progress. */
  json?: boolean | undefined;
  stream?: ProgressStream;
  /** Standard output: when it is piped the command is run by a script, which gets no progress. */
  output?: { isTTY?: boolean };
  /**
   * Draws every update at once, even within the first 200 ms: for work counted in a few steps that may
   * each take seconds (a report's drawing), where no later update would come to show the line.
   */
  eachStep?: boolean | undefined;
  /** Milliseconds; `performance.now()` unless a test gives its own clock. */
  now?: () => number;
}

export interface Progress {
  /** Whether anything is shown: work done only for the display (counting a total) can be skipped when not. */
  readonly active: boolean;
  /** Sets how much is done (and the total, once it is known); redraws at most every `redrawMs`. */
  update(done: number, total?: number): void;
  /** Clears the line, so whatever is printed next starts on a clean one. */
  finish(): void;
}

const redrawMs = 200;
const silent: Progress = { active: false, update: () => undefined, finish: () => undefined };

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** `0:07`, `12:34`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${minutes}:${two(s % 60)}`;
}

/** The progress line: `export: 12,000 / 48,000 rows (25%), 6,000 rows/s, 0:06 left`. */
export function progressLine(
  label: string,
  unit: string,
  done: number,
  total: number | undefined,
  elapsedSeconds: number,
): string {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const parts = [
    total !== undefined && total > 0
      ? `${count(done)} / ${count(total)} ${unit} (${Math.floor((Math.min(done, total) / total) * 100)}%)`
      : `${count(done)} ${unit}`,
  ];
  // A rate under one a second (steps of a report) reads as 0: left out.
  if (rate >= 1) parts.push(`${count(rate)} ${unit}/s`);
  if (total !== undefined && total > 0 && rate > 0 && done < total)
    parts.push(`${formatDuration((total - done) / rate)} left`);
  return `${label}: ${parts.join(', ')}`;
}

/** Starts showing progress of `label`; a no-op unless a person is watching (see the module's comment). */
export function startProgress(label: string, options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const output = options.output ?? process.stdout;
  if (options.json || stream.isTTY !== true || output.isTTY !== true) return silent;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let total = options.total;
  // Work done within the first redraw interval never draws: a quick command stays quiet.
  let lastDrawn = started;
  let drawn = false;
  return {
    active: true,
    update(done, newTotal) {
      if (newTotal !== undefined) total = newTotal;
      const at = now();
      if (!options.eachStep && at - lastDrawn < redrawMs) return;
      lastDrawn = at;
      // One line, cut to the terminal's width: a wrapped line could not be redrawn in place.
      // A terminal of unknown size (0 columns, as under `script`) is taken as 80 wide.
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = progressLine(label, options.unit, done, total, (at - started) / 1000).slice(0, width);
      stream.write(`\r${line}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
