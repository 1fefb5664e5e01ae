import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { checkCommand } from './commands/check.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { hypothesisCommand } from './commands/hypothesis.ts';
import { importCommand } from './commands/import.ts';
import { instrumentCommand } from './commands/instrument.ts';
import { migrateCommand } from './commands/migrate.ts';
import { modelCommand } from './commands/model.ts';
import { orgCommand } from './commands/org.ts';
import { reportCommand } from './commands/report.ts';
import { serveCommand } from './commands/serve.ts';
import { statsCommand } from './commands/stats.ts';
import { surveyCommand } from './commands/survey.ts';
import { tokenCommand } from './commands/token.ts';
import { userCommand } from './commands/user.ts';
import { waveCommand } from './commands/wave.ts';

export function buildProgram(): Command {
  const program = new Command('praxis')
    .description(
      'Praxis: plan, log, coach and study external implementation support.\nConfiguration comes from environment variables (see README): PORT, HOST, DATA_DIR, DATABASE_URL, SESSION_SECRET, LOG_LEVEL.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .enablePositionalOptions();
  for (const command of [
    serveCommand(),
    migrateCommand(),
    orgCommand(),
    userCommand(),
    tokenCommand(),
    modelCommand(),
    checkCommand(),
    statsCommand(),
    backupCommand(),
    restoreCommand(),
    demoCommand(),
    importCommand(),
    exportCommand(),
    hypothesisCommand(),
    reportCommand(),
    instrumentCommand(),
    waveCommand(),
    surveyCommand(),
  ]) {
    program.addCommand(command);
  }
  return program;
}

/** Runs the CLI and returns the exit code: 0 on success, 1 on a refused or failed command. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
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
