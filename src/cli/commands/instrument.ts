import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { builtinInstruments } from '../../domain/measurement/builtin/index.ts';
import {
  formatInstrument,
  instrumentFormats,
  parseInstrumentText,
  type InstrumentFormat,
} from '../../domain/measurement/format.ts';
import type { Instrument } from '../../domain/measurement/instrument.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { parseModelRef } from '../../model/versions.ts';
import { listInstruments } from '../../app/measurement/list-instruments.ts';
import { publishInstrument } from '../../app/measurement/publish-instrument.ts';
import { requireInstrument } from '../../app/measurement/instruments.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';
import { countOf } from '../../domain/count-of.ts';

const orgHelp = 'organization id or slug (default: the instruments Praxis ships)';

function formatOfFile(file: string): InstrumentFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  return extension === '.csv'
    ? 'redcap'
    : extension === '.json'
      ? 'json'
      : extension === '.yaml' || extension === '.yml'
        ? 'yaml'
        : undefined;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'not_found',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** `praxis instrument`: list, import (REDCap data dictionary, JSON or YAML) and export measurement instruments. */
export function instrumentCommand(): Command {
  const instrument = new Command('instrument').description(
    'Measurement instruments: list, import and export (REDCap data dictionary, JSON, YAML)',
  );

  instrument
    .command('list')
    .description('List instruments and their versions')
    .option('--org <org>', orgHelp)
    .action(async (options: { org?: string }) => {
      if (!options.org) {
        for (const i of builtinInstruments) say(`${i.id}@${i.version}  ${i.name}  [built-in]`);
        say('isp-self-assessment-<model>  generated from each practice model of an organization (name --org)');
        return;
      }
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org!);
        for (const i of await listInstruments(store.tenant(organization.id)))
          say(
            `${i.id}@${i.version}  ${i.name}  (versions: ${i.versions.join(', ')})${i.builtin ? '  [built-in]' : ''}`,
          );
      });
    });

  instrument
    .command('import')
    .description(
      'Publish an instrument from a REDCap data dictionary (CSV), JSON or YAML file; exits 1 with row-level errors when invalid',
    )
    .argument('<file>', 'the file to import')
    .requiredOption('--org <org>', 'organization id or slug to publish in')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension or the content)').choices([
        ...instrumentFormats,
      ]),
    )
    .action(async (file: string, options: { org: string; format?: InstrumentFormat }) => {
      const parsed = parseInstrumentText(readText(file), options.format ?? formatOfFile(file));
      if (!parsed.ok) throw new AppError('validation_failed', `${file} is not a valid instrument`, parsed.errors);
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const published = await publishInstrument(store, organization.id, parsed.value, null);
        say(
          `Published ${published.id}@${published.version} (${published.name}); rescored ${countOf(published.rescored, 'response')}`,
        );
      });
    });

  instrument
    .command('export')
    .description('Write an instrument as a REDCap data dictionary, JSON or YAML')
    .argument('<ref>', 'ID or ID@VERSION')
    .addOption(new Option('--format <format>', 'output format').choices([...instrumentFormats]).default('json'))
    .option('--org <org>', orgHelp)
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (ref: string, options: { format: InstrumentFormat; org?: string; out?: string }) => {
      let found: Instrument;
      if (!options.org) {
        const parsed = parseModelRef(ref);
        const line = builtinInstruments.filter((i) => i.id === parsed.id);
        const match = parsed.version === undefined ? line.at(-1) : line.find((i) => i.version === parsed.version);
        if (!match)
          throw notFound(
            `Built-in instrument "${ref}" (built-in: ${builtinInstruments.map((i) => `${i.id}@${i.version}`).join(', ')}; name --org for an organization's instruments)`,
          );
        found = match;
      } else {
        found = await withStore(async (store) =>
          requireInstrument(store.tenant((await resolveOrganization(store, options.org!)).id), ref),
        );
      }
      const text = formatInstrument(found, options.format);
      if (options.out) {
        writeFileSync(options.out, text);
        say(`wrote ${found.id}@${found.version} to ${options.out}`);
      } else process.stdout.write(text);
    });

  return instrument;
}
