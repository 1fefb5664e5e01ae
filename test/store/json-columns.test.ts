import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerInput } from '../../src/domain/support/schemas.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.ts';
import { buildOrganization } from '../support/factories.ts';

describe.each(engines)('JSON columns on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('are read through the domain schema, and a corrupt cell is refused naming table, column and id', async () => {
    const { organization } = await buildOrganization(t.store);
    const partners = t.store.tenant(organization.id).partners;
    const input = PartnerInput.parse({ name: 'North district', kind: 'system', tags: ['rural', 'pilot'] });
    const partner = await partners.insert(input, null);
    expect((await partners.require(partner.id)).tags).toEqual(['rural', 'pilot']);

    const db = t.store.database.db;
    const corrupt = async (tags: string) =>
      sql`update partners set tags = ${tags} where id = ${partner.id}`.execute(db);
    await corrupt('["rural", ');
    await expect(partners.require(partner.id)).rejects.toThrow(`corrupt JSON in partners.tags of ${partner.id}: `);
    await corrupt('["rural", 7]');
    await expect(partners.require(partner.id)).rejects.toThrow(`corrupt JSON in partners.tags of ${partner.id} at 1: `);
    await corrupt('["rural"]');
    expect((await partners.require(partner.id)).tags).toEqual(['rural']);
  });
});
