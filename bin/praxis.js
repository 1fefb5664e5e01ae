#!/usr/bin/env node
// The `praxis` command. TypeScript sources run through tsx's loader, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
