import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
/** The `praxis` command as users run it: bin/praxis.js over the compiled build in dist/node. */
export const praxisBin = path.join(root, 'bin/praxis.js');
/** The compiled entry point bin/praxis.js loads. */
export const compiledEntry = path.join(root, 'dist/node/cli/praxis.js');

let buildChecked = false;

/**
 * The CLI tests run the build, so they refuse a missing or stale one rather than test old code:
 * any source file (tests aside) changed after the build asks for `npm run build` (npm test runs it).
 */
function requireCurrentBuild(): void {
  if (buildChecked) return;
  let builtAt: number;
  try {
    builtAt = statSync(compiledEntry).mtimeMs;
  } catch {
    throw new Error(`No build at ${path.relative(root, compiledEntry)}: run \`npm run build\` before the CLI tests`);
  }
  const changed = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).find(
    (file) =>
      /\.(ts|tsx|mjs)$/.test(file) &&
      !/\.test\.tsx?$/.test(file) &&
      statSync(path.join(root, 'src', file)).mtimeMs > builtAt,
  );
  if (changed) throw new Error(`src/${changed} changed after the build: run \`npm run build\` before the CLI tests`);
  buildChecked = true;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts the real `praxis` command in a child process, for a test that waits for it or stops it itself. */
export function spawnPraxis(args: string[], env: Record<string, string>): ChildProcess {
  requireCurrentBuild();
  return spawn(process.execPath, [praxisBin, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Ends a process as a crash or `kill -9` would, giving it no chance to finish anything; resolves once it is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Runs the real `praxis` command in a child process. */
export function runPraxis(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnPraxis(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin!.end(input ?? '');
  });
}

/** Starts `praxis serve` and resolves once it prints its URL. */
export function startPraxisServer(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ child: ChildProcess; url: string; output: () => string; stop(): Promise<void> }> {
  requireCurrentBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [praxisBin, 'serve', ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const match = /running at (http:\/\/[^\s/]+)/.exec(output);
      if (match) {
        resolve({
          child,
          url: match[1]!,
          output: () => output,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('close', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => reject(new Error(`praxis serve exited with ${code}: ${output}`)));
  });
}
