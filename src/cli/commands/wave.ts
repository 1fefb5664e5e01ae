import { Command, Option } from 'commander';
import type { z } from 'zod';
import { invalid, notFound } from '../../domain/errors.ts';
import { WaveInput, waveKinds, type InstrumentRef, type Wave } from '../../domain/measurement/schemas.ts';
import { levels } from '../../domain/support/schemas.ts';
import { parseModelRef } from '../../model/versions.ts';
import { requireInstrument } from '../../app/measurement/instruments.ts';
import { createWave } from '../../app/measurement/create-wave.ts';
import { deleteWave } from '../../app/measurement/delete-wave.ts';
import { restoreWave } from '../../app/measurement/restore-wave.ts';
import { updateWave } from '../../app/measurement/update-wave.ts';
import { waveProgress } from '../../app/measurement/wave-progress.ts';
import type { TenantStore } from '../../store/store.ts';
import { say, withStore } from '../context.ts';
import { resolveOrganization } from '../resolve.ts';

/** The command-line option each input field comes from, so errors name what the person typed. */
const optionOf: Record<string, string> = {
  name: '--name',
  kind: '--kind',
  scheduledOn: '--on',
  instruments: '--instrument',
  levels: '--level',
  contactId: '--contact',
  partnerId: '--unit',
  anonymous: '--anonymous',
  level: '--level',
  expiresInDays: '--expires-in-days',
  version: '--version',
};

/** Validates command-line input with the API's own schema; every problem names its option. */
export function parseCliInput<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw invalid(
    `The ${what} is not valid`,
    parsed.error.issues.map((issue) => {
      const [field, ...rest] = issue.path.map(String);
      const option = field === undefined ? what : (optionOf[field] ?? field);
      return { path: rest.length > 0 ? `${option}[${rest.join('.')}]` : option, message: issue.message };
    }),
  );
}

export const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

/** `ID` or `ID@VERSION`; without a version, the latest one published in the organization. */
async function instrumentRefs(tenant: TenantStore, refs: readonly string[]): Promise<InstrumentRef[]> {
  const resolved: InstrumentRef[] = [];
  for (const ref of refs) {
    const { id, version } = parseModelRef(ref);
    resolved.push({ instrumentId: id, version: version ?? (await requireInstrument(tenant, id)).version });
  }
  return resolved;
}

export async function requireWave(
  tenant: TenantStore,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<Wave> {
  const wave = await tenant.waves.find(id, options);
  if (!wave) throw notFound(`Wave "${id}"`);
  return wave;
}

const describeWave = (w: Wave): string =>
  `${w.id}  ${w.scheduledOn ?? 'ad hoc    '}  ${w.kind.padEnd(9)}  ${w.name}  [${w.instruments.map((i) => `${i.instrumentId}@${i.version}`).join(', ')}; ${w.levels.join(', ')}]  v${w.version}${w.deletedAt ? '  (deleted)' : ''}`;

export const printResult = (json: boolean | undefined, value: unknown, lines: () => string[]): void => {
  if (json) say(JSON.stringify(value, null, 2));
  else lines().forEach(say);
};

interface WaveOptions {
  org: string;
  name?: string;
  kind?: string;
  on?: string;
  instrument?: string[];
  level?: string[];
  json?: boolean;
}

const waveOptions = (command: Command, required: boolean): Command =>
  command
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--name <name>', required ? 'what the wave is called, e.g. "Baseline"' : 'a new name')
    .addOption(new Option('--kind <kind>', 'baseline, follow-up or ad-hoc').choices([...waveKinds]))
    .option('--on <date>', 'scheduled date YYYY-MM-DD, or "none" for an ad-hoc occasion')
    .option('--instrument <ref...>', 'instrument ID or ID@VERSION (repeat or separate with commas)', collect)
    .option('--level <level...>', `levels measured: ${levels.join(', ')} (default: all)`, collect)
    .option('--json', 'print the wave as JSON');

const scheduledOn = (on: string | undefined): string | null | undefined =>
  on === undefined ? undefined : on === 'none' ? null : on;

/** `praxis wave`: plan and edit the measurement waves of an engagement. */
export function waveCommand(): Command {
  const wave = new Command('wave').description(
    'Measurement waves of an engagement: list, create, show, update, delete, restore',
  );

  wave
    .command('list')
    .description('List the waves of an engagement by date')
    .requiredOption('--org <org>', 'organization id or slug')
    .requiredOption('--engagement <id>', 'engagement id')
    .option('--deleted', 'include deleted waves')
    .option('--json', 'print the waves as JSON')
    .action(async (options: { org: string; engagement: string; deleted?: boolean; json?: boolean }) => {
      await withStore(async (store) => {
        const tenant = store.tenant((await resolveOrganization(store, options.org)).id);
        await tenant.engagements.require(options.engagement);
        const waves = await tenant.waves.listForEngagement(options.engagement, {
          includeDeleted: options.deleted === true,
        });
        printResult(options.json, waves, () =>
          waves.length === 0 ? ['No waves planned for this engagement'] : waves.map(describeWave),
        );
      });
    });

  waveOptions(wave.command('create').description('Plan a wave for an engagement'), true)
    .requiredOption('--engagement <id>', 'engagement id')
    .action(async (options: WaveOptions & { engagement: string }) => {
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const tenant = store.tenant(organization.id);
        const input = parseCliInput(WaveInput, 'wave', {
          name: options.name,
          kind: options.kind,
          scheduledOn: scheduledOn(options.on) ?? null,
          instruments: await instrumentRefs(tenant, options.instrument ?? []),
          levels: options.level,
        });
        const created = await createWave(store, organization.id, options.engagement, input, 'cli');
        printResult(options.json, created, () => [`Planned ${describeWave(created)}`]);
      });
    });

  wave
    .command('show')
    .description('One wave with its response progress')
    .argument('<id>', 'wave id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the wave and its progress as JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withStore(async (store) => {
        const tenant = store.tenant((await resolveOrganization(store, options.org)).id);
        const found = await requireWave(tenant, id, { includeDeleted: true });
        const { counts } = found.deletedAt ? { counts: null } : await waveProgress(tenant, id);
        printResult(options.json, { ...found, progress: counts }, () => [
          describeWave(found),
          counts
            ? `links: ${counts.links} (unused ${counts.unused}, started ${counts.started}, submitted ${counts.submitted}, expired ${counts.expired}, revoked ${counts.revoked}); entered by staff: ${counts.entered}`
            : 'deleted: restore it with `praxis wave restore`',
        ]);
      });
    });

  waveOptions(
    wave
      .command('update')
      .description('Edit a wave; --version must be the version you are editing (a stale one is refused)'),
    false,
  )
    .argument('<id>', 'wave id')
    .requiredOption('--version <n>', 'the version you are editing (see `praxis wave show`)')
    .action(async (id: string, options: WaveOptions & { version: string }) => {
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        const tenant = store.tenant(organization.id);
        const current = await requireWave(tenant, id);
        const input = parseCliInput(WaveInput, 'wave', {
          name: options.name ?? current.name,
          kind: options.kind ?? current.kind,
          scheduledOn: scheduledOn(options.on) === undefined ? current.scheduledOn : scheduledOn(options.on),
          instruments: options.instrument ? await instrumentRefs(tenant, options.instrument) : current.instruments,
          levels: options.level ?? current.levels,
        });
        const version = parseVersion(options.version);
        const updated = await updateWave(store, organization.id, id, version, input, 'cli');
        printResult(options.json, updated, () => [`Updated ${describeWave(updated)}`]);
      });
    });

  wave
    .command('delete')
    .description('Delete a wave (soft: its links stop working; `praxis wave restore` brings it back)')
    .argument('<id>', 'wave id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--version <n>', 'refuse if the wave has changed since this version')
    .option('--json', 'print the deleted wave as JSON')
    .action(async (id: string, options: { org: string; version?: string; json?: boolean }) => {
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        await requireWave(store.tenant(organization.id), id);
        const deleted = await deleteWave(
          store,
          organization.id,
          id,
          options.version === undefined ? undefined : parseVersion(options.version),
          'cli',
        );
        printResult(options.json, deleted, () => [`Deleted ${describeWave(deleted)}`]);
      });
    });

  wave
    .command('restore')
    .description('Restore a deleted wave')
    .argument('<id>', 'wave id')
    .requiredOption('--org <org>', 'organization id or slug')
    .option('--json', 'print the restored wave as JSON')
    .action(async (id: string, options: { org: string; json?: boolean }) => {
      await withStore(async (store) => {
        const organization = await resolveOrganization(store, options.org);
        await requireWave(store.tenant(organization.id), id, { includeDeleted: true });
        const restored = await restoreWave(store, organization.id, id, 'cli');
        printResult(options.json, restored, () => [`Restored ${describeWave(restored)}`]);
      });
    });

  return wave;
}

function parseVersion(value: string): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1)
    throw invalid('The version is not valid', [
      { path: '--version', message: `must be a whole number from 1; got "${value}"` },
    ]);
  return version;
}
