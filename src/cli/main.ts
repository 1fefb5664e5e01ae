import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.ts';
import { praxisVersion } from '../app/package-root.ts';

/**
 * A top-level command: its name, the line `praxis --help` lists for it (its description), and how to
 * load it. A command's module is imported only when that command runs, so `praxis --version` or
 * `praxis stats` do not load the server, the database drivers or the report renderers.
 */
interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<Command>;
}

export const commandEntries: readonly CommandEntry[] = [
  {
    name: 'serve',
    description: 'Start the web app and HTTP API (runs pending migrations first)',
    load: async () => (await import('./commands/serve.ts')).serveCommand(),
  },
  {
    name: 'migrate',
    description: 'Bring the database schema up to date (serve does this too)',
    load: async () => (await import('./commands/migrate.ts')).migrateCommand(),
  },
  {
    name: 'org',
    description: 'Manage organizations',
    load: async () => (await import('./commands/org.ts')).orgCommand(),
  },
  {
    name: 'user',
    description: 'Manage accounts and roles',
    load: async () => (await import('./commands/user.ts')).userCommand(),
  },
  {
    name: 'token',
    description: 'Manage API tokens for scripts',
    load: async () => (await import('./commands/token.ts')).tokenCommand(),
  },
  {
    name: 'model',
    description: 'Practice models: list, show, validate, import, export and diagram',
    load: async () => (await import('./commands/model.ts')).modelCommand(),
  },
  {
    name: 'check',
    description:
      'Recompute every derived table (engagement and organization level) and the next-step index from raw interactions and report every difference (exit 1 if any)',
    load: async () => (await import('./commands/check.ts')).checkCommand(),
  },
  {
    name: 'stats',
    description: 'Run a statistical test or model on a CSV file (results match R; see each subcommand)',
    load: async () => (await import('./commands/stats.ts')).statsCommand(),
  },
  {
    name: 'backup',
    description: 'Copy the SQLite database to FILE, consistently, even while the server runs',
    load: async () => (await import('./commands/backup.ts')).backupCommand(),
  },
  {
    name: 'restore',
    description: 'Replace the SQLite database with a backup made by `praxis backup` (stop servers first)',
    load: async () => (await import('./commands/backup.ts')).restoreCommand(),
  },
  {
    name: 'demo',
    description: 'Create the synthetic demo organization with one login per role',
    load: async () => (await import('./commands/demo.ts')).demoCommand(),
  },
  {
    name: 'import',
    description: 'Import records from files',
    load: async () => (await import('./commands/import.ts')).importCommand(),
  },
  {
    name: 'export',
    description: 'Export records to files',
    load: async () => (await import('./commands/export.ts')).exportCommand(),
  },
  {
    name: 'hypothesis',
    description:
      "Hypotheses about the practice model's links: register (a draft), lock (time and SHA-256 content hash), run",
    load: async () => (await import('./commands/hypothesis.ts')).hypothesisCommand(),
  },
  {
    name: 'report',
    description: 'Write an engagement or organization report as HTML or PDF (docs/reports.md)',
    load: async () => (await import('./commands/report.ts')).reportCommand(),
  },
  {
    name: 'instrument',
    description: 'Measurement instruments: list, import and export (REDCap data dictionary, JSON, YAML)',
    load: async () => (await import('./commands/instrument.ts')).instrumentCommand(),
  },
  {
    name: 'wave',
    description: 'Measurement waves of an engagement: list, create, show, update, delete, restore',
    load: async () => (await import('./commands/wave.ts')).waveCommand(),
  },
  {
    name: 'survey',
    description: 'Survey links of a measurement wave: invite, list, revoke',
    load: async () => (await import('./commands/survey.ts')).surveyCommand(),
  },
  {
    name: 'email',
    description: 'Email: send the messages due (retries included) once, queue and send the weekly digest',
    load: async () => (await import('./commands/email.ts')).emailCommand(),
  },
  {
    name: 'rebuild',
    description:
      'Make every derived table (engagement and organization level) what the raw interactions give, writing only the rows that differ: one transaction per run of engagements, then one for the organization-level rows; safe to stop and run again',
    load: async () => (await import('./commands/rebuild.ts')).rebuildCommand(),
  },
  {
    name: 'plan',
    description: 'Stage plans of an engagement, plan versus actual and signals: show, export',
    load: async () => (await import('./commands/plan.ts')).planCommand(),
  },
  {
    name: 'coaching',
    description: 'Coaching records of practitioners: export',
    load: async () => (await import('./commands/coaching.ts')).coachingCommand(),
  },
];

/**
 * The `praxis` program for these arguments: the command they name (`praxis NAME …` or
 * `praxis help NAME`) is loaded in full; every other command is listed by name and description only,
 * which is all that `praxis --help` and commander's "unknown command" suggestions need.
 */
export async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('praxis')
    .description(
      'Praxis: plan, log, coach and study external implementation support.\nConfiguration comes from environment variables (see README): PORT, HOST, DATA_DIR, DATABASE_URL, SESSION_SECRET, LOG_LEVEL.',
    )
    .version(praxisVersion)
    .showHelpAfterError()
    .enablePositionalOptions();
  const named = namedCommand(argv);
  for (const entry of commandEntries) {
    program.addCommand(
      entry.name === named ? await entry.load() : new Command(entry.name).description(entry.description),
    );
  }
  return program;
}

/** The command the arguments run or ask help for. The program's own options (--version, --help) take no value, so it is the first operand. */
function namedCommand(argv: string[]): string | undefined {
  const operands = argv.slice(2).filter((arg) => !arg.startsWith('-'));
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/** Runs the CLI and returns the exit code: 0 on success, 1 on a refused or failed command. */
export async function runCli(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  const overrideExit = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(overrideExit);
  };
  overrideExit(program);
  try {
    await program.parseAsync(argv);
    // A command that reports its own verdict (e.g. `model validate`) sets process.exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    reportError(error);
    return 1;
  }
}

function reportError(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const detail of error.details) process.stderr.write(`  ${detail.path}: ${detail.message}\n`);
    return;
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
