import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A process measured by /usr/bin/time, as users run it. */
export interface TimedProcess {
  seconds: number;
  /** User and system CPU seconds. */
  cpuSeconds: number;
  /** The process's peak resident set (the kernel's maxrss), in MB. */
  peakMb: number;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node args…` in a process of its own under /usr/bin/time: wall seconds, CPU seconds, peak
 * resident set, exit code and output. `timeFile` receives /usr/bin/time's line.
 */
export function timedNode(
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; timeFile: string },
): TimedProcess {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', options.timeFile, process.execPath, ...args], {
    env: options.env,
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  const [seconds, kb, user, system] = readFileSync(options.timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  return {
    seconds: seconds!,
    cpuSeconds: Math.round((user! + system!) * 100) / 100,
    peakMb: Math.round(kb! / 1024),
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}
