// Starts the import's reading thread (import-worker.ts, or import-worker.js in the build). A worker
// thread does not inherit the loader that lets the main thread run TypeScript sources (tsx's, under
// `npm run dev` or vitest), so for a .ts entry it registers that loader itself; the build needs none.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
