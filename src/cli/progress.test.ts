import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, startProgress, type ProgressStream } from './progress.ts';

/** A terminal as the progress helper sees one: it records what is written. */
function fakeTerminal(isTTY = true, columns = 100): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

/** A clock the test moves by hand, in milliseconds. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let at = 1_000;
  return { now: () => at, advance: (ms) => (at += ms) };
}

describe('progress on a terminal', () => {
  it('draws done, share, rate and time left in place, at most every 200 ms, and clears the line at the end', () => {
    const stream = fakeTerminal();
    const clock = fakeClock();
    const progress = startProgress('export', {
      unit: 'rows',
      total: 48_000,
      stream,
      output: { isTTY: true },
      now: clock.now,
    });
    progress.update(100);
    expect(stream.written).toEqual([]);
    clock.advance(2_000);
    progress.update(12_000);
    clock.advance(100);
    progress.update(12_500);
    clock.advance(100);
    progress.update(13_200);
    progress.finish();
    expect(stream.written).toEqual([
      '\rexport: 12,000 / 48,000 rows (25%), 6,000 rows/s, 0:06 left\x1b[K',
      '\rexport: 13,200 / 48,000 rows (27%), 6,000 rows/s, 0:06 left\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('draws every step at once when asked, for a few long steps', () => {
    const stream = fakeTerminal();
    const clock = fakeClock();
    const progress = startProgress('report', {
      unit: 'steps',
      total: 2,
      eachStep: true,
      stream,
      output: { isTTY: true },
      now: clock.now,
    });
    progress.update(0);
    clock.advance(50);
    progress.update(1);
    progress.finish();
    expect(stream.written).toEqual([
      '\rreport: 0 / 2 steps (0%)\x1b[K',
      '\rreport: 1 / 2 steps (50%), 20 steps/s, 0:00 left\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('learns the total late, shows no time left without one, and cuts the line to the terminal', () => {
    const stream = fakeTerminal(true, 30);
    const clock = fakeClock();
    const progress = startProgress('import', { unit: 'rows', stream, output: { isTTY: true }, now: clock.now });
    clock.advance(4_000);
    progress.update(10_000);
    clock.advance(1_000);
    progress.update(20_000, 40_000);
    expect(stream.written).toEqual(['\rimport: 10,000 rows, 2,500 ro\x1b[K', '\rimport: 20,000 / 40,000 rows \x1b[K']);
    expect(progressLine('import', 'rows', 10_000, undefined, 4)).toBe('import: 10,000 rows, 2,500 rows/s');
    expect(progressLine('import', 'rows', 20_000, 40_000, 5)).toBe(
      'import: 20,000 / 40,000 rows (50%), 4,000 rows/s, 0:05 left',
    );
  });

  it('writes nothing when standard error or output is not a terminal, or for --json', () => {
    for (const [stream, output, json] of [
      [fakeTerminal(false), { isTTY: true }, false],
      [fakeTerminal(true), { isTTY: false }, false],
      [fakeTerminal(true), {}, false],
      [fakeTerminal(true), { isTTY: true }, true],
    ] as const) {
      const clock = fakeClock();
      const progress = startProgress('check', {
        unit: 'interactions',
        total: 10,
        stream,
        output,
        json,
        now: clock.now,
      });
      clock.advance(5_000);
      progress.update(5);
      progress.finish();
      expect(stream.written).toEqual([]);
    }
  });

  it('takes a terminal of unknown width (0 columns) as 80 wide', () => {
    const stream = fakeTerminal(true, 0);
    const clock = fakeClock();
    const progress = startProgress('export', {
      unit: 'rows',
      total: 48_000,
      stream,
      output: { isTTY: true },
      now: clock.now,
    });
    clock.advance(2_000);
    progress.update(12_000);
    expect(stream.written).toEqual(['\rexport: 12,000 / 48,000 rows (25%), 6,000 rows/s, 0:06 left\x1b[K']);
  });

  it('writes durations as m:ss or h:mm:ss', () => {
    expect([7, 754, 3723, 0.4].map(formatDuration)).toEqual(['0:07', '12:34', '1:02:03', '0:00']);
  });
});
