import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInteractions } from '../../src/app/interactions/import-interactions.ts';
import { countInteractions, importWorld, type ImportWorld } from './files.ts';
import { fileSize, writeLargeLongCsv } from './large-file.ts';

describe('a 50 MB file', () => {
  let world: ImportWorld;

  beforeAll(async () => {
    world = await importWorld();
  });
  afterAll(() => world.dispose());

  it(
    'streams through, reports exactly its one bad row near the end, and writes nothing',
    { timeout: 120_000 },
    async () => {
      const file = world.folder.file('large.csv');
      let badRow = 0;
      // The bad row is a one-row interaction after all the good ones: minutes over the duration.
      const { rows, interactions } = writeLargeLongCsv(file, world.engagementId, 50 * 1024 * 1024, (row) => {
        badRow = row;
        return `last,${world.engagementId},2025-01-01,09:00,30,phone,,coaching,45,,,,`;
      });
      expect(fileSize(file)).toBeGreaterThanOrEqual(50 * 1024 * 1024 - 2048);
      const before = await countInteractions(world.t.store, world.orgId);

      const report = await importInteractions(world.t.store, world.orgId, file, {
        kind: 'csv',
        dryRun: false,
        actor: 'cli',
      });
      expect(report).toEqual({
        format: 'long',
        dryRun: false,
        rowsRead: rows - 1,
        interactions,
        written: 0,
        errors: [
          {
            row: badRow,
            column: 'component_minutes',
            message: 'minutes across components (45) exceed the duration (30)',
          },
        ],
        errorCount: 1,
      });
      expect(badRow).toBe(rows);
      expect(await countInteractions(world.t.store, world.orgId)).toBe(before);
    },
  );
});
