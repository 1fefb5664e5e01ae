// Preloaded with `node --import` to list every module a process loads, one URL a line, in the file
// named by PRAXIS_MODULE_LOG: how the CLI tests see which libraries a command pulls in.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: process.env.PRAXIS_MODULE_LOG });
