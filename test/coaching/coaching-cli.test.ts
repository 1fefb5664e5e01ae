import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewInteraction } from '../../src/app/coaching/review-interaction.ts';
import { ReviewInput } from '../../src/domain/coaching/schemas.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildCoachingWorld, reviewBody, type CoachingWorld } from './world.ts';

// Real `praxis` processes start slowly on a loaded machine.
describe('praxis coaching export', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let w: CoachingWorld;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    w = await buildCoachingWorld(t.store);
    await reviewInteraction(
      t.store,
      w.organizationId,
      { userId: w.coach.userId, role: 'lead' },
      ReviewInput.parse(reviewBody(w.interaction.id)),
    );
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('writes the organization coaching records as JSON', async () => {
    const out = path.join(t.env.DATA_DIR!, 'coaching.json');
    const result = await runPraxis(['coaching', 'export', '--org', w.organizationId, '--out', out], t.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 reviews, 0 observations');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.reviews).toHaveLength(1);
    expect(written.reviews[0]).toMatchObject({ practitionerId: w.practitioner.userId, reviewerId: w.coach.userId });
  });
});
