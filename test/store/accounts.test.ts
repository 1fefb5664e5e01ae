import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { changeRole } from '../../src/app/accounts/change-role.ts';
import { createApiToken } from '../../src/app/accounts/create-api-token.ts';
import { removeMember } from '../../src/app/accounts/remove-member.ts';
import { revokeApiToken } from '../../src/app/accounts/revoke-api-token.ts';
import { digestSecret } from '../../src/app/accounts/secrets.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrateDown, migrateToLatest, migrationStatus } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { Store } from '../../src/store/store.ts';
import {
  createTestDatabase,
  engines,
  testPostgresUrl,
  uniqueName,
  dropSchema,
  type TestDatabase,
} from '../support/databases.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';

describe.each(engines)('accounts store on %s', (engine) => {
  let t: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    store = t.store;
  });
  afterAll(async () => t.dispose());

  it('creates organizations, accounts and memberships, and lists a person’s organizations with roles', async () => {
    const { organization, admin } = await buildOrganization(store, 'Northern Hub');
    expect(organization.slug).toMatch(/^northern-hub/);
    const lead = await buildMember(store, organization.id, 'lead');
    const members = await store.tenant(organization.id).members.list();
    expect(members.map((m) => m.userId).sort()).toEqual([admin.userId, lead.userId].sort());
    expect(await store.organizations.listForUser(lead.userId)).toEqual([
      { id: organization.id, name: 'Northern Hub', slug: organization.slug, role: 'lead' },
    ]);
  });

  it('refuses a second account with the same email, naming the field', async () => {
    const { admin } = await buildOrganization(store);
    const attempt = store.users.create({ email: admin.email, name: 'Twin', passwordHash: 'x' });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', details: [{ path: 'email' }] });
  });

  it('scopes tenant repositories to their organization', async () => {
    const a = await buildOrganization(store);
    const b = await buildOrganization(store);
    expect(await store.tenant(b.organization.id).members.find(a.admin.userId)).toBeUndefined();
    const token = await createApiToken(
      store,
      a.organization.id,
      { name: 'a script', role: 'researcher' },
      a.admin.userId,
    );
    expect(await store.tenant(b.organization.id).tokens.find(token.apiToken.id)).toBeUndefined();
    expect(await store.tenant(b.organization.id).tokens.list()).toEqual([]);
    await store.tenant(b.organization.id).tokens.revoke(token.apiToken.id);
    expect((await store.tenant(a.organization.id).tokens.find(token.apiToken.id))?.revokedAt).toBeNull();
  });

  it('keeps every change in the history, with who and what', async () => {
    const { organization, admin } = await buildOrganization(store);
    const member = await buildMember(store, organization.id, 'practitioner');
    await changeRole(store, organization.id, member.userId, 'lead', admin.userId);
    const history = await store.tenant(organization.id).history('membership', member.userId);
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ actor: admin.userId, changes: { role: ['practitioner', 'lead'] } });
  });

  it('never leaves an organization without an administrator', async () => {
    const { organization, admin } = await buildOrganization(store);
    await expect(changeRole(store, organization.id, admin.userId, 'lead', admin.userId)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(removeMember(store, organization.id, admin.userId, admin.userId)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await store.tenant(organization.id).members.find(admin.userId))?.role).toBe('admin');
  });

  it('rolls a failed transaction back completely', async () => {
    const before = (await store.organizations.list()).length;
    await expect(
      store.transaction(async (tx) => {
        await tx.organizations.create({ name: 'Half written', slug: `half-${Date.now()}` });
        throw new AppError('conflict', 'stop here');
      }),
    ).rejects.toThrow('stop here');
    expect((await store.organizations.list()).length).toBe(before);
  });

  it('stores only token hashes and resolves live tokens, not revoked or expired ones', async () => {
    const { organization, admin } = await buildOrganization(store);
    const live = await createApiToken(store, organization.id, { name: 'live', role: 'researcher' }, admin.userId);
    const rows = await store.database.db
      .selectFrom('api_tokens')
      .select(['token_hash', 'prefix'])
      .where('id', '=', live.apiToken.id)
      .execute();
    expect(rows[0]!.token_hash).toBe(digestSecret(live.token));
    expect(rows[0]!.token_hash).not.toContain(live.token.slice(4));
    const now = new Date().toISOString();
    expect(await store.findLiveToken(digestSecret(live.token), now)).toMatchObject({
      organizationId: organization.id,
      role: 'researcher',
    });
    await revokeApiToken(store, organization.id, live.apiToken.id, admin.userId);
    expect(await store.findLiveToken(digestSecret(live.token), now)).toBeUndefined();
    const expiring = await createApiToken(
      store,
      organization.id,
      { name: 'short', role: 'lead', expiresInDays: 1 },
      admin.userId,
    );
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect(await store.findLiveToken(digestSecret(expiring.token), later)).toBeUndefined();
  });

  it('removes sessions past their absolute or idle expiry', async () => {
    const { admin } = await buildOrganization(store);
    const now = new Date();
    await store.sessions.create({
      id: `fresh-${engine}`,
      userId: admin.userId,
      csrfToken: 'c',
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    await store.sessions.create({
      id: `ended-${engine}`,
      userId: admin.userId,
      csrfToken: 'c',
      expiresAt: new Date(now.getTime() - 1000).toISOString(),
    });
    const removed = await store.sessions.deleteExpired(
      now.toISOString(),
      new Date(now.getTime() - 3_600_000).toISOString(),
    );
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await store.sessions.find(`fresh-${engine}`)).toBeDefined();
    expect(await store.sessions.find(`ended-${engine}`)).toBeUndefined();
  });
});

describe.each(engines)('migrations on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.dispose());

  it('are idempotent and reversible', async () => {
    const db = t.store.database.db;
    expect((await migrateToLatest(db)).applied).toEqual([]);
    const names = Object.keys(migrations);
    const down = await migrateDown(db);
    expect(down.applied).toEqual([names.at(-1)]);
    expect((await migrateToLatest(db)).applied).toEqual([names.at(-1)]);
    expect((await migrationStatus(db)).every((m) => m.executedAt)).toBe(true);
  });

  it('leave the database at the previous version when one fails', async () => {
    const db = t.store.database.db;
    const broken: Migration = {
      up: async (k: Kysely<unknown>) => {
        await k.schema.createTable('half_made').addColumn('id', 'text').execute();
        await sql`select * from no_such_table`.execute(k);
      },
    };
    await expect(migrateToLatest(db, { ...migrations, '9999-12-31T00-00-broken': broken })).rejects.toThrow(
      /9999-12-31T00-00-broken failed and was rolled back/,
    );
    const tables = await db.introspection.getTables();
    expect(tables.map((x) => x.name)).not.toContain('half_made');
    expect((await migrationStatus(db)).every((m) => m.executedAt)).toBe(true);
  });
});

describe('PostgreSQL schemas', () => {
  it('migrate on their own when another schema of the database holds migration tables', async () => {
    // Another Praxis (or a run that stopped halfway) in a second schema of the same database.
    const other = uniqueName();
    const schema = uniqueName();
    const decoy = new Store(
      await openDatabase({ databaseUrl: testPostgresUrl, databaseSchema: other, dataDir: '/tmp' }),
    );
    const store = new Store(
      await openDatabase({ databaseUrl: testPostgresUrl, databaseSchema: schema, dataDir: '/tmp' }),
    );
    try {
      await sql`create table praxis_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`.execute(
        decoy.database.db,
      );
      await sql`create table praxis_migration (name varchar(255) primary key, timestamp varchar(255) not null)`.execute(
        decoy.database.db,
      );
      const report = await migrateToLatest(store.database.db);
      expect(report.applied).toEqual(Object.keys(migrations));
      const tables = await sql<{
        name: string;
      }>`select table_name as name from information_schema.tables where table_schema = ${schema} and table_name like 'praxis_migration%' order by 1`.execute(
        store.database.db,
      );
      expect(tables.rows.map((r) => r.name)).toEqual(['praxis_migration', 'praxis_migration_lock']);
      expect((await migrationStatus(store.database.db)).every((m) => m.executedAt !== null)).toBe(true);
    } finally {
      await decoy.close();
      await store.close();
      await dropSchema(other);
      await dropSchema(schema);
    }
  });
});

describe('PostgreSQL migration lock', () => {
  it('lets two servers migrate the same fresh schema at once without a race', async () => {
    const schema = uniqueName();
    const open = async () =>
      new Store(await openDatabase({ databaseUrl: testPostgresUrl, databaseSchema: schema, dataDir: '/tmp' }));
    const [a, b] = await Promise.all([open(), open()]);
    try {
      const reports = await Promise.all([migrateToLatest(a.database.db), migrateToLatest(b.database.db)]);
      expect(reports.flatMap((r) => r.applied)).toEqual(Object.keys(migrations));
    } finally {
      await a.close();
      await b.close();
      await dropSchema(schema);
    }
  });
});
