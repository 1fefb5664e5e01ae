import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoPassword } from '../../src/domain/accounts/demo-accounts.ts';
import { runPraxis, startPraxisServer } from '../support/cli.ts';
import { Client } from '../support/http.ts';

// Each case starts real `praxis` processes, several of them; allow for a loaded machine.
describe('the praxis command', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-cli-'));
    env = { DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('offers --help for every command', async () => {
    const top = await runPraxis(['--help'], env);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'org', 'user', 'token', 'backup', 'restore', 'demo'])
      expect(top.stdout).toContain(command);
    const nested = await runPraxis(['user', 'create', '--help'], env);
    expect(nested.code).toBe(0);
    expect(nested.stdout).toContain('--password-stdin');
  });

  it('fails with a message on stderr and a non-zero exit', async () => {
    const unknown = await runPraxis(['frobnicate'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badRole = await runPraxis(
      ['user', 'set-role', '--org', 'nowhere', '--email', 'a@b.org', '--role', 'king'],
      env,
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Unknown role "king"');
    const badEnv = await runPraxis(['migrate'], { ...env, PORT: 'eighty' });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toContain('PORT');
  });

  it('migrates, creates organizations, people, roles and tokens', async () => {
    expect((await runPraxis(['migrate'], env)).code).toBe(0);
    const status = await runPraxis(['migrate', '--status'], env);
    expect(status.stdout).toMatch(/^applied {2}\S+accounts$/m);
    const org = await runPraxis(['org', 'create', 'River Valley Network'], env);
    expect(org.code).toBe(0);
    expect(org.stdout).toContain('river-valley-network');
    const user = await runPraxis(
      [
        'user',
        'create',
        '--email',
        'Isp@Example.org',
        '--name',
        'Ida ISP',
        '--password-stdin',
        '--org',
        'river-valley-network',
        '--role',
        'practitioner',
      ],
      env,
      'a sturdy password\n',
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('isp@example.org  practitioner in river-valley-network');
    const promoted = await runPraxis(
      ['user', 'set-role', '--org', 'river-valley-network', '--email', 'isp@example.org', '--role', 'lead'],
      env,
    );
    expect(promoted.stdout).toContain('lead in river-valley-network');
    const weak = await runPraxis(
      ['user', 'create', '--email', 'w@example.org', '--name', 'W', '--password-stdin'],
      env,
      'short',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: must be at least 10 characters');
    const token = await runPraxis(
      ['token', 'create', '--org', 'river-valley-network', '--name', 'nightly', '--role', 'researcher'],
      env,
    );
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^prx_[A-Za-z0-9_-]{43}$/);
    expect(token.stderr).toContain('not shown again');
  });

  it('serves the demo, prints its logins, and keeps data consistent when backed up while serving', async () => {
    const server = await startPraxisServer(env, ['--demo']);
    try {
      expect(server.output()).toContain(demoAccounts[0]!.email);
      const client = new Client(server.url);
      expect((await client.login(demoAccounts[0]!.email, demoPassword)).status).toBe(200);
      const orgId = (await client.get('/api/orgs')).body.items[0].id;
      // Write through the server while the backup runs.
      const writes = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.post(`/api/orgs/${orgId}/tokens`, { name: `t${i}`, role: 'researcher' }),
        ),
      );
      const backupFile = path.join(dataDir, 'backup.db');
      const backup = await runPraxis(['backup', backupFile], env);
      expect((await writes).every((r) => r.status === 201)).toBe(true);
      expect(backup.code).toBe(0);
      const copy = new SqliteDatabase(backupFile, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('select count(*) n from organizations').get() as { n: number }).n).toBeGreaterThanOrEqual(2);
      copy.close();
      expect((await runPraxis(['backup', backupFile], env)).stderr).toContain('exists');
    } finally {
      await server.stop();
    }
  });

  it('restores a backup only when confirmed, and refuses files that are not Praxis backups', async () => {
    const backupFile = path.join(dataDir, 'before-change.db');
    expect((await runPraxis(['backup', backupFile], env)).code).toBe(0);
    expect((await runPraxis(['org', 'create', 'Made After Backup'], env)).code).toBe(0);
    const unconfirmed = await runPraxis(['restore', backupFile], env);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('--yes');
    const notPraxis = path.join(dataDir, 'not-praxis.db');
    new SqliteDatabase(notPraxis).exec('create table x (y int)');
    const refused = await runPraxis(['restore', notPraxis, '--yes'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not a usable Praxis backup');
    expect((await runPraxis(['org', 'list'], env)).stdout).toContain('Made After Backup');
    const restored = await runPraxis(['restore', backupFile, '--yes'], env);
    expect(restored.code).toBe(0);
    const orgs = (await runPraxis(['org', 'list'], env)).stdout;
    expect(orgs).not.toContain('Made After Backup');
    expect(orgs).toContain('River Valley Network');
  });

  it('resets the demo on request and points PostgreSQL users to pg_dump for backups', async () => {
    const again = await runPraxis(['demo'], env);
    expect(again.stdout).toContain('already exists');
    const reset = await runPraxis(['demo', '--reset'], env);
    expect(reset.stdout).toContain('Demo organization created');
    const pgBackup = await runPraxis(['backup', path.join(dataDir, 'pg.db')], {
      ...env,
      DATABASE_URL: 'postgres://127.0.0.1:5432/test',
    });
    expect(pgBackup.code).toBe(1);
    expect(pgBackup.stderr).toContain('pg_dump');
  });

  it('lets two servers share one SQLite file safely', async () => {
    const first = await startPraxisServer(env);
    const second = await startPraxisServer(env);
    try {
      const clients = [new Client(first.url), new Client(second.url)];
      for (const c of clients) expect((await c.login(demoAccounts[0]!.email, demoPassword)).status).toBe(200);
      const orgId = (await clients[0]!.get('/api/orgs')).body.items[0].id;
      const replies = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          clients[i % 2]!.post(`/api/orgs/${orgId}/tokens`, { name: `shared ${i}`, role: 'researcher' }),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
      const tokens = (await clients[1]!.get(`/api/orgs/${orgId}/tokens`)).body.items.filter((x: { name: string }) =>
        x.name.startsWith('shared '),
      );
      expect(tokens).toHaveLength(40);
    } finally {
      await first.stop();
      await second.stop();
    }
    const db = new SqliteDatabase(path.join(dataDir, 'praxis.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('praxis model', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'praxis-model-cli-'));
    env = { DATA_DIR: dataDir };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists, shows, exports, validates, imports and diagrams models', async () => {
    const list = await runPraxis(['model', 'list'], env);
    expect(list.stdout).toContain('eis-toc@1.0.0');
    expect(list.stdout).toContain('isp-profile@1.0.0');
    const show = await runPraxis(['model', 'show', 'eis-toc@1.0.0'], env);
    expect(show.stdout).toContain('Building and sustaining relationships');
    const yamlFile = path.join(dataDir, 'eis.yaml');
    expect((await runPraxis(['model', 'export', 'eis-toc', '--format', 'yaml', '--out', yamlFile], env)).code).toBe(0);
    const valid = await runPraxis(['model', 'validate', yamlFile], env);
    expect(valid.code).toBe(0);

    const broken = readFileSync(yamlFile, 'utf8')
      .replace('id: eis-toc', 'id: my-toc')
      .replace(/levels:\n(\s+- [a-z]+\n)+/, 'levels: []\n');
    const brokenFile = path.join(dataDir, 'broken.yaml');
    writeFileSync(brokenFile, broken);
    const invalid = await runPraxis(['model', 'validate', brokenFile], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^outcomes\[\d+\]\.levels: /m);
    const asJson = await runPraxis(['model', 'validate', brokenFile, '--json'], env);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      valid: false,
      errors: [expect.objectContaining({ path: expect.stringMatching(/^outcomes\[\d+\]\.levels$/) })],
    });

    expect((await runPraxis(['org', 'create', 'Model Org'], env)).code).toBe(0);
    const renamed = readFileSync(yamlFile, 'utf8')
      .replace('id: eis-toc', 'id: our-toc')
      .replace('name: EIS theory of change', 'name: Our theory of change');
    const ours = path.join(dataDir, 'ours.yaml');
    writeFileSync(ours, renamed);
    const imported = await runPraxis(['model', 'import', ours, '--org', 'model-org'], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('published our-toc@1.0.0');
    expect((await runPraxis(['model', 'list', '--org', 'model-org'], env)).stdout).toContain(
      'our-toc@1.0.0  Our theory of change',
    );
    const svg = path.join(dataDir, 'ours.svg');
    expect((await runPraxis(['model', 'diagram', 'our-toc@1.0.0', '--org', 'model-org', '--out', svg], env)).code).toBe(
      0,
    );
    expect(readFileSync(svg, 'utf8')).toContain('Building and sustaining');
    const missing = await runPraxis(['model', 'show', 'nope@1.0.0'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not found');
  });
});
