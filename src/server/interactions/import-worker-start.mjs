// Starts the import's reading thread (import-worker.ts). A worker thread does not inherit the loader
// that lets the main thread run TypeScript (tsx's, registered in bin/praxis.js), so it registers it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
