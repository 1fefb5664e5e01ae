/**
 * Mapped import of a Qualtrics export (issue 18: a 100,000-row Qualtrics-shaped file at least 0.5× the
 * speed of the native long import of the same interactions, in the same run).
 *
 *   npx tsx bench/import-mapping.ts [--quick] [--rows N]
 *
 * Generates N synthetic responses (default 100,000; quick 10,000) of the contact-log survey of
 * `src/demo/tracker-files.ts` (three Qualtrics header rows, minutes per component, a multi-select of
 * activities, principle ratings in words, counts, notes, next steps) over 50 engagements, and the same
 * interactions in Praxis's long layout. Imports each into its own fresh SQLite file through
 * `importInteractions` (the mapped one with the survey's mapping) and compares interactions per second.
 * The mapped import also carries next steps, which the long layout has no column for.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngagement } from '../src/app/engagements/create-engagement.ts';
import { importInteractions } from '../src/app/interactions/import-interactions.ts';
import { createPartner } from '../src/app/partners/create-partner.ts';
import {
  nativeLongCsv,
  qualtricsTrackerCsv,
  qualtricsTrackerMapping,
  trackedInteractions,
} from '../src/demo/tracker-files.ts';
import { ImportMapping } from '../src/domain/support/import-mapping.ts';
import { eisToc } from '../src/model/builtin/index.ts';
import { openBenchStore, temporaryFolder } from './support/app.ts';
import { readMachine } from './support/machine.ts';
import { emitRow, progress, ratioOf } from './support/report.ts';

const argument = (name: string): number | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const rows = argument('rows') ?? (quick ? 10_000 : 100_000);
const siteCount = 50;
const sites = Array.from({ length: siteCount }, (_, i) => `Site ${i + 1}`);

/** A fresh store with one engagement per site, named as the survey names the sites. */
async function storeWithSites(dir: string) {
  const { store, organizationId, actor } = await openBenchStore(dir);
  const engagementIds: string[] = [];
  for (const name of sites) {
    const partner = await createPartner(
      store,
      organizationId,
      {
        name,
        kind: 'organization',
        parentId: null,
        type: 'school district',
        region: 'North',
        stateOrCountry: 'NC',
        tags: [],
      },
      actor,
    );
    const engagement = await createEngagement(
      store,
      organizationId,
      {
        partnerId: partner.id,
        name,
        supportTeam: [],
        startDate: '2019-06-01',
        endDate: null,
        modelId: eisToc.id,
        modelVersion: eisToc.version,
        stages: [],
        goals: [],
      },
      actor,
    );
    engagementIds.push(engagement.id);
  }
  return { store, organizationId, actor, engagementIds };
}

const folder = temporaryFolder('import-mapping');
try {
  const tracked = trackedInteractions({ seed: 18, count: rows, sites: siteCount, start: '2020-01-06' });
  const nativeWorld = await storeWithSites(path.join(folder.dir, 'native'));
  const mappedWorld = await storeWithSites(path.join(folder.dir, 'mapped'));
  const nativeFile = path.join(folder.dir, 'interactions-long.csv');
  const qualtricsFile = path.join(folder.dir, 'contact-log.csv');
  writeFileSync(nativeFile, nativeLongCsv(tracked, nativeWorld.engagementIds));
  writeFileSync(qualtricsFile, qualtricsTrackerCsv(tracked, sites));
  const mapping = ImportMapping.parse(qualtricsTrackerMapping());
  progress(`generated ${rows.toLocaleString('en')} responses and the same interactions in the long layout`);

  const timed = async (run: () => ReturnType<typeof importInteractions>) => {
    const started = performance.now();
    const report = await run();
    const seconds = (performance.now() - started) / 1000;
    if (report.errorCount > 0 || report.written !== rows)
      throw new Error(
        `the import did not write the file: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 5) })}`,
      );
    return { report, seconds };
  };
  const native = await timed(() =>
    importInteractions(nativeWorld.store, nativeWorld.organizationId, nativeFile, {
      kind: 'csv',
      format: 'long',
      dryRun: false,
      actor: nativeWorld.actor,
    }),
  );
  progress(`native long import: ${native.seconds.toFixed(1)} s (${native.report.rowsRead.toLocaleString('en')} rows)`);
  const mapped = await timed(() =>
    importInteractions(mappedWorld.store, mappedWorld.organizationId, qualtricsFile, {
      kind: 'csv',
      dryRun: false,
      actor: mappedWorld.actor,
      mapping,
    }),
  );
  progress(`mapped Qualtrics import: ${mapped.seconds.toFixed(1)} s`);

  const perSecond = (seconds: number) => Math.round(rows / seconds);
  const ratio = ratioOf(perSecond(mapped.seconds), perSecond(native.seconds));
  const machine = readMachine();
  emitRow({
    bench: 'import-mapping',
    name: `mapped import of a Qualtrics export, ${rows.toLocaleString('en')} responses (SQLite)`,
    figure: perSecond(mapped.seconds),
    unit: 'interactions/s',
    target: '≥ 0.5× the native long import of the same interactions (issue 18)',
    pass: ratio >= 0.5,
    baseline: 'native long import, same interactions, same run',
    baselineFigure: perSecond(native.seconds),
    ratio,
    details: {
      responses: rows,
      nativeRows: native.report.rowsRead,
      mappedSeconds: Math.round(mapped.seconds * 100) / 100,
      nativeSeconds: Math.round(native.seconds * 100) / 100,
      loadAverage: machine.loadAverage,
      cores: machine.cores,
    },
  });
  await nativeWorld.store.database.close();
  await mappedWorld.store.database.close();
} finally {
  folder.remove();
}
