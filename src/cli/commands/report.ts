import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { z } from 'zod';
import { AppError, notFound } from '../../domain/errors.ts';
import type { OrganizationRecord } from '../../store/repositories/organizations.ts';
import type { Store } from '../../store/store.ts';
import { engagementReport } from '../../app/reports/engagement-report.ts';
import { organizationReport } from '../../app/reports/organization-report.ts';
import { renderReport, reportFormats } from '../../app/reports/render-report.ts';
import type { Report } from '../../analysis/reports/report.ts';
import { say, withStore } from '../context.ts';
import { startProgress } from '../progress.ts';
import { parseOption, resolveOrganization } from '../resolve.ts';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const today = (): string => new Date().toISOString().slice(0, 10);

/** The organization named by --org, or the only one there is. */
async function organizationOf(store: Store, ref: string | undefined): Promise<OrganizationRecord> {
  if (ref !== undefined) return resolveOrganization(store, ref);
  const all = await store.organizations.list();
  if (all.length === 1) return all[0]!;
  throw new AppError('validation_failed', 'Which organization?', [
    { path: '--org', message: `is required: there are ${all.length} organizations` },
  ]);
}

/** The organization holding an engagement: the one named by --org, else the one whose record it is. */
async function organizationOfEngagement(
  store: Store,
  engagementId: string,
  ref: string | undefined,
): Promise<OrganizationRecord> {
  if (ref !== undefined) return resolveOrganization(store, ref);
  for (const organization of await store.organizations.list())
    if (await store.tenant(organization.id).engagements.find(engagementId)) return organization;
  throw notFound(`Engagement "${engagementId}"`);
}

/**
 * Gathers a report (`build`) and writes it, showing its two steps on a terminal: reading the record
 * and drawing the file both take seconds for a large organization.
 */
async function write(build: () => Promise<Report>, format: string, out: string): Promise<void> {
  const as = parseOption(z.enum(reportFormats), '--format', format);
  // Drawing the file is one step of seconds with no update inside it: the line is shown as it starts.
  const progress = startProgress('report', { unit: 'steps', total: 2, eachStep: true });
  let rendered;
  try {
    progress.update(0);
    const report = await build();
    progress.update(1);
    rendered = await renderReport(report, as);
  } finally {
    progress.finish();
  }
  await writeFile(out, rendered.body);
  say(`wrote ${out}`);
}

export function reportCommand(): Command {
  const command = new Command('report').description(
    'Write an engagement or organization report as HTML or PDF (docs/reports.md)',
  );
  command
    .command('engagement')
    .description(
      'The engagement report: dose, component mix, principles, activities, modes, stages, next steps, diversity and outcomes',
    )
    .argument('<id>', 'engagement id')
    .option('--org <org>', 'organization id or slug (default: the one holding the engagement)')
    .option('--format <format>', reportFormats.join(' or '), 'html')
    .requiredOption('--out <file>', 'the file to write')
    .action(async (id: string, options: { org?: string; format: string; out: string }) => {
      await withStore(async (store) => {
        const organization = await organizationOfEngagement(store, id, options.org);
        await write(() => engagementReport(store, organization.id, id, today()), options.format, options.out);
      });
    });
  command
    .command('organization')
    .description(
      'The organization report: dose and its make-up across engagements, stage timing, diversity and outcomes',
    )
    .option('--org <org>', 'organization id or slug (default: the only organization)')
    .option('--format <format>', reportFormats.join(' or '), 'html')
    .option('--from <month>', 'first calendar month, YYYY-MM')
    .option('--to <month>', 'last calendar month, YYYY-MM')
    .requiredOption('--out <file>', 'the file to write')
    .action(async (options: { org?: string; format: string; from?: string; to?: string; out: string }) => {
      const fromMonth = options.from === undefined ? undefined : parseOption(Month, '--from', options.from);
      const toMonth = options.to === undefined ? undefined : parseOption(Month, '--to', options.to);
      await withStore(async (store) => {
        const organization = await organizationOf(store, options.org);
        await write(
          () => organizationReport(store, organization.id, { fromMonth, toMonth }, today()),
          options.format,
          options.out,
        );
      });
    });
  return command;
}
