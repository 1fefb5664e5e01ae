import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { AppError, notFound } from '../../domain/errors.ts';
import { builtinModels } from '../../model/builtin/index.ts';
import { renderModelDiagram } from '../../model/diagram.ts';
import { formatModel, parseModelText, type ModelTextFormat } from '../../model/format.ts';
import type { PracticeModel } from '../../model/schema.ts';
import { validateModel } from '../../model/validate.ts';
import { resolveModelRef } from '../../model/versions.ts';
import { checkModel } from '../../app/models/check-model.ts';
import { listModels } from '../../app/models/list-models.ts';
import { publishModel } from '../../app/models/publish-model.ts';
import { requireModel } from '../../app/models/require-model.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

const orgOption = '--org <org>';
const orgHelp = 'organization id or slug whose models to use (default: the models Praxis ships)';

/** Finds a model in an organization, or among the built-in models when no organization is named. */
async function withModel<T>(
  ref: string,
  org: string | undefined,
  work: (model: PracticeModel) => Promise<T>,
): Promise<T> {
  if (!org) {
    const model = resolveModelRef(ref, builtinModels);
    if (!model)
      throw notFound(
        `Built-in model "${ref}" (built-in: ${builtinModels.map((m) => `${m.id}@${m.version}`).join(', ')}; name --org for an organization's models)`,
      );
    return work(model);
  }
  return withStore(async (store) => {
    const organization = await resolveOrganization(store, org);
    return work(await requireModel(store.tenant(organization.id), ref));
  });
}

function readModelFile(file: string): { text: string; format: ModelTextFormat | undefined } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'not_found',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const extension = path.extname(file).toLowerCase();
  const format = extension === '.json' ? 'json' : extension === '.yaml' || extension === '.yml' ? 'yaml' : undefined;
  return { text, format };
}

function parseFile(file: string): unknown {
  const { text, format } = readModelFile(file);
  const parsed = parseModelText(text, format);
  if (!parsed.ok) throw new AppError('validation_failed', `${file} does not parse`, parsed.issues);
  return parsed.value;
}

export function modelCommand(): Command {
  const model = new Command('model').description('Practice models: list, show, validate, import, export and diagram');

  model
    .command('list')
    .description('List models and their versions')
    .option(orgOption, orgHelp)
    .action(async (options: { org?: string }) => {
      if (!options.org) {
        for (const m of builtinModels) say(`${m.id}@${m.version}  ${m.name}  [built-in]`);
        return;
      }
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org!);
        for (const m of await listModels(store.tenant(organization.id)))
          say(`${m.id}@${m.version}  ${m.name}  (versions: ${m.versions.map((v) => v.version).join(', ')})`);
      });
    });

  model
    .command('show')
    .description('Summarize a model: stages, components with their activities, principles, outcomes, links')
    .argument('<ref>', 'ID or ID@VERSION')
    .option(orgOption, orgHelp)
    .action(async (ref: string, options: { org?: string }) => {
      await withModel(ref, options.org, async (m) => {
        say(`${m.name} (${m.id}@${m.version})`);
        say(m.citation);
        say(`\nStages: ${m.stages.map((s, i) => `${i + 1}. ${s.name}`).join(' — ')}`);
        say('\nCore practice components:');
        for (const c of m.components) {
          say(`  ${c.id}  ${c.name}  [${c.group}; ${c.provenance}]`);
          for (const a of c.activities) say(`      - ${a.label}`);
        }
        say(`\nPrinciples: ${m.principles.map((p) => p.name).join(' · ')}`);
        say('\nOutcomes:');
        for (const o of m.outcomes) say(`  ${o.tier.padEnd(10)} ${o.name} (${o.levels.join(', ')})`);
        say(`\n${m.links.length} links; ${m.constructs.length} constructs.`);
      });
    });

  model
    .command('validate')
    .description('Check a model file (JSON or YAML): exit 0 when valid, 1 when not, one error per line on stderr')
    .argument('<file>', 'model document')
    .option('--json', 'print {valid, errors, warnings} as JSON on stdout')
    .option(orgOption, 'also check it as the next version of that organization’s model with the same id')
    .action(async (file: string, options: { json?: boolean; org?: string }) => {
      const { text, format } = readModelFile(file);
      const parsed = parseModelText(text, format);
      const verdict = !parsed.ok
        ? { valid: false, errors: parsed.issues, warnings: [] }
        : options.org
          ? await withStore(async (store) =>
              checkModel(store.tenant((await resolveOrganization(store, options.org!)).id), parsed.value),
            )
          : validateModel(parsed.value);
      if (options.json) {
        say(JSON.stringify({ valid: verdict.valid, errors: verdict.errors, warnings: verdict.warnings }, null, 2));
      } else {
        for (const e of verdict.errors) process.stderr.write(`${e.path || '(document)'}: ${e.message}\n`);
        for (const w of verdict.warnings) process.stderr.write(`warning: ${w.path || '(document)'}: ${w.message}\n`);
        if (verdict.valid)
          say(`${file}: valid${verdict.warnings.length ? ` with ${countOf(verdict.warnings.length, 'warning')}` : ''}`);
      }
      if (!verdict.valid) process.exitCode = 1;
    });

  model
    .command('import')
    .description('Publish a model file as a model (or new version) of an organization')
    .argument('<file>', 'model document (JSON or YAML)')
    .requiredOption(orgOption, 'organization id or slug')
    .action(async (file: string, options: { org: string }) => {
      const document = parseFile(file);
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const published = await publishModel(store, organization.id, document, 'cli');
        for (const w of published.warnings) process.stderr.write(`warning: ${w.path}: ${w.message}\n`);
        say(`published ${published.id}@${published.version} in ${organization.slug}`);
      });
    });

  model
    .command('export')
    .description('Write a model document as JSON or YAML')
    .argument('<ref>', 'ID or ID@VERSION')
    .option('--format <format>', 'json or yaml', 'json')
    .option('--out <file>', 'write to a file instead of standard output')
    .option(orgOption, orgHelp)
    .action(async (ref: string, options: { format: string; out?: string; org?: string }) => {
      if (options.format !== 'json' && options.format !== 'yaml')
        throw new AppError('validation_failed', `Unknown format "${options.format}"`, [
          { path: '--format', message: 'must be json or yaml' },
        ]);
      const format = options.format;
      await withModel(ref, options.org, async (m) => {
        const text = formatModel(m, format);
        if (options.out) {
          writeFileSync(options.out, text);
          say(`wrote ${m.id}@${m.version} to ${options.out}`);
        } else process.stdout.write(text);
      });
    });

  model
    .command('diagram')
    .description('Draw the theory-of-change diagram as SVG')
    .argument('<ref>', 'ID or ID@VERSION')
    .requiredOption('--out <file>', 'SVG file to write')
    .option(orgOption, orgHelp)
    .action(async (ref: string, options: { out: string; org?: string }) => {
      await withModel(ref, options.org, async (m) => {
        writeFileSync(options.out, await renderModelDiagram(m));
        say(`wrote the diagram of ${m.id}@${m.version} to ${options.out}`);
      });
    });

  return model;
}
