import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const praxisBin = path.join(repoRoot, 'bin/praxis.js');
const run = promisify(execFile);

export interface PraxisServer {
  baseUrl: string;
  /** Everything the server wrote, to explain a failure. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A port nobody listens on right now, chosen by the operating system. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** The environment of a private server: its own SQLite file under a fresh directory, never a shared database. */
function serverEnvironment(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  return env;
}

/** Loads the demo organization into a fresh data directory and serves the built web app from it, with `extraEnv` added. */
export async function startPraxisServer(extraEnv: Record<string, string> = {}): Promise<PraxisServer> {
  if (!existsSync(path.join(repoRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web is not built; run `npx vite build` first');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-e2e-'));
  const port = await freePort();
  const env = { ...serverEnvironment(dataDir, port), ...extraEnv };
  await run(process.execPath, [praxisBin, 'demo'], { cwd: repoRoot, env, timeout: 120_000 });

  const child = spawn(process.execPath, [praxisBin, 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the test process ends without stopping the server (a crash, a timeout), the server ends too.
  const killServer = () => child.kill('SIGKILL');
  process.once('exit', killServer);
  child.once('exit', () => process.off('exit', killServer));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }

  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`praxis serve exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`praxis serve was not ready at ${baseUrl} within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
