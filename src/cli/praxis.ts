// Entry point of the `praxis` command: bin/praxis.js runs its compiled form, `npm run praxis:dev` this source.
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv);
