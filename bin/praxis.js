#!/usr/bin/env node
// The `praxis` command runs the compiled build in dist/node (`npm run build`, which `npm start` does
// first), so it starts without compiling TypeScript. `npm run praxis:dev` runs the sources instead.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/node/cli/praxis.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    'error: praxis is not built (dist/node is missing). Run `npm run build`, or `npm run praxis:dev -- <command>` to run from the sources.\n',
  );
  process.exitCode = 1;
}
