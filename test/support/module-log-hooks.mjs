// Module hooks (they run on the loader's own thread) that append each loaded module's URL to a file.
import { appendFileSync } from 'node:fs';

let logFile;

export function initialize(file) {
  logFile = file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(logFile, `${url}\n`);
  return nextLoad(url, context);
}
