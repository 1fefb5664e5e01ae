import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../domain/errors.ts';
import { HypothesisRegistration, testLabels } from '../../domain/hypotheses/registration.ts';
import type { Hypothesis, HypothesisRun } from '../../domain/hypotheses/schemas.ts';
import { listHypotheses } from '../../app/hypotheses/list-hypotheses.ts';
import { lockHypothesis } from '../../app/hypotheses/lock-hypothesis.ts';
import { registerHypothesis } from '../../app/hypotheses/register-hypothesis.ts';
import { runLockedHypothesis } from '../../app/hypotheses/run-locked-hypothesis.ts';
import { showHypothesis } from '../../app/hypotheses/show-hypothesis.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

const CLI_ACTOR = 'cli';

function readRegistration(file: string): HypothesisRegistration {
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const parsed = HypothesisRegistration.safeParse(document);
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      `${file} is not a valid hypothesis registration`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    );
  return parsed.data;
}

const number = (value: number): string =>
  Math.abs(value) >= 1000 || (Math.abs(value) < 0.001 && value !== 0) ? value.toExponential(3) : value.toPrecision(4);

function describeHypothesis(h: Hypothesis): string[] {
  const r = h.registration;
  return [
    `${h.id}  ${h.status}  ${r.title}`,
    `  link ${r.linkId} (${r.model.id}@${r.model.version}); ${testLabels[r.test]}; ${r.direction}; alpha ${r.alpha}`,
    ...(h.contentHash ? [`  locked ${h.lockedAt} sha256 ${h.contentHash}`] : []),
  ];
}

/** The result as a researcher reads it: verdict, method and reference, n, statistic, p, effect, warnings. */
export function describeRun(run: HypothesisRun): string[] {
  const r = run.result;
  const lines = [
    r.summary,
    `  method: ${r.method}`,
    `  reference: ${r.reference}`,
    `  n = ${r.n}${r.clusters !== null ? `, ${r.clusters} engagements` : ''}; engagements used ${r.dataset.engagementsUsed} of ${r.dataset.engagementsConsidered}`,
  ];
  if (r.statistic)
    lines.push(
      `  ${r.statistic.name} = ${number(r.statistic.value)}${r.statistic.df !== null ? ` on ${number(r.statistic.df)} df` : ''}; p = ${r.p === null ? 'not available' : number(r.p)}; alpha = ${r.alpha}`,
    );
  if (r.effect)
    lines.push(
      `  ${r.effect.name} = ${number(r.effect.value)}${r.effect.ci ? ` (${Math.round(r.effect.ci.level * 100)}% CI ${number(r.effect.ci.lower)} to ${number(r.effect.ci.upper)})` : ''}`,
    );
  for (const e of r.dataset.excluded) lines.push(`  left out: ${countOf(e.engagements, 'engagement')}: ${e.reason}`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  lines.push(`  run ${run.id} at ${run.ranAt}, registration sha256 ${run.contentHash}`);
  return lines;
}

const print = (json: boolean | undefined, value: unknown, lines: () => string[]) =>
  json ? say(JSON.stringify(value, null, 2)) : lines().forEach(say);

/** `praxis hypothesis`: list, register, lock and run hypotheses about the model's links. */
export function hypothesisCommand(): Command {
  const hypothesis = new Command('hypothesis').description(
    "Hypotheses about the practice model's links: register (a draft), lock (time and SHA-256 content hash), run",
  );

  hypothesis
    .command('list')
    .description('List the hypotheses of an organization, newest first, with their latest verdict')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the hypotheses as JSON')
    .action(async (options: { org: string; json?: boolean }) => {
      await withStore(async (store) => {
        const hypotheses = await listHypotheses(store.tenant((await resolveOrganization(store, options.org)).id));
        print(options.json, hypotheses, () =>
          hypotheses.length === 0
            ? ['No hypotheses yet']
            : hypotheses.map(
                (h) =>
                  `${h.id}  ${h.status.padEnd(9)}  ${(h.latestRun?.verdict ?? 'not run').padEnd(12)}  ${h.registration.title}`,
              ),
        );
      });
    });

  hypothesis
    .command('register')
    .description(
      'Register a hypothesis from a JSON or YAML file (see docs/hypotheses.md) as a draft; exits 1 naming every invalid field',
    )
    .argument('<file>', 'the registration file')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the hypothesis as JSON')
    .action(async (file: string, options: { org: string; json?: boolean }) => {
      const registration = readRegistration(file);
      await withStore(async (store) => {
        const created = await registerHypothesis(
          store,
          (await resolveOrganization(store, options.org)).id,
          registration,
          CLI_ACTOR,
        );
        print(options.json, created, () => [
          ...describeHypothesis(created),
          `Registered as a draft; lock it with: praxis hypothesis lock ${created.id} --org ${options.org}`,
        ]);
      });
    });

  hypothesis
    .command('lock')
    .description('Lock a draft: record the time and the SHA-256 of its canonical JSON; it can never be edited again')
    .argument('<id>', 'the hypothesis id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the hypothesis as JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withStore(async (store) => {
        const organizationId = (await resolveOrganization(store, options.org)).id;
        const current = await showHypothesis(store.tenant(organizationId), id);
        const locked = await lockHypothesis(store, organizationId, id, current.version, CLI_ACTOR);
        print(options.json, locked, () => describeHypothesis(locked));
      });
    });

  hypothesis
    .command('run')
    .description("Run a locked hypothesis on the organization's data now; the run is kept")
    .argument('<id>', 'the hypothesis id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the run as JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withStore(async (store) => {
        const run = await runLockedHypothesis(store, (await resolveOrganization(store, options.org)).id, id, CLI_ACTOR);
        print(options.json, run, () => describeRun(run));
      });
    });

  return hypothesis;
}
