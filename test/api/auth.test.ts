import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSecret } from '../../src/app/accounts/secrets.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization, testPassword } from '../support/factories.ts';
import { Client, startServer } from '../support/http.ts';

describe('sessions, CSRF and the signed-in person over HTTP', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  const logLines: string[] = [];
  let orgId: string;
  let adminEmail: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    server = await startServer(
      t.store,
      t.env.DATA_DIR!,
      { LOG_LEVEL: 'info', LOGIN_RATE_LIMIT: '1000' },
      { write: (line) => void logLines.push(line) },
    );
    const { organization, admin } = await buildOrganization(t.store, 'Session Org');
    orgId = organization.id;
    adminEmail = admin.email;
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('logs in, reports the session with organizations and roles, and logs out', async () => {
    const client = new Client(server.baseUrl);
    expect((await client.get('/api/session')).status).toBe(401);
    const login = await client.login(adminEmail, testPassword);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/praxis_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = await client.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body.organizations).toEqual([expect.objectContaining({ id: orgId, role: 'admin' })]);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('gives one generic message for a wrong password and an unknown email', async () => {
    const client = new Client(server.baseUrl);
    const wrongPassword = await client.login(adminEmail, 'not the password');
    const unknownEmail = await client.login('nobody@example.org', 'not the password');
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.error.message).toBe('Invalid email or password');
    expect(unknownEmail.body.error.message).toBe(wrongPassword.body.error.message);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const client = new Client(server.baseUrl);
    await client.login(adminEmail, testPassword);
    const withoutToken = await client.request('PATCH', '/api/me', { name: 'New Name' }, { 'x-csrf-token': '' });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.details[0].path).toBe('x-csrf-token');
    const wrongToken = await client.request('PATCH', '/api/me', { name: 'New Name' }, { 'x-csrf-token': 'forged' });
    expect(wrongToken.status).toBe(403);
    const withToken = await client.patch('/api/me', { name: 'New Name' });
    expect(withToken.status).toBe(200);
    expect(withToken.body.name).toBe('New Name');
  });

  it('ends sessions that sat idle too long or passed their absolute expiry', async () => {
    const idle = new Client(server.baseUrl);
    await idle.login(adminEmail, testPassword);
    const ended = new Client(server.baseUrl);
    await ended.login(adminEmail, testPassword);
    const db = t.store.database.db;
    const sessions = await db.selectFrom('sessions').selectAll().orderBy('created_at', 'desc').limit(2).execute();
    const [endedRow, idleRow] = sessions;
    await db
      .updateTable('sessions')
      .set({ last_seen_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', idleRow!.id)
      .execute();
    await db
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', endedRow!.id)
      .execute();
    expect((await idle.get('/api/session')).status).toBe(401);
    expect((await ended.get('/api/session')).status).toBe(401);
  });

  it('changes a password only with the current one, and ends the person’s other sessions', async () => {
    const { userId, email } = await buildMember(t.store, orgId, 'practitioner');
    const here = new Client(server.baseUrl);
    const elsewhere = new Client(server.baseUrl);
    await here.login(email, testPassword);
    await elsewhere.login(email, testPassword);
    const wrong = await here.post('/api/me/password', {
      currentPassword: 'wrong',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'currentPassword', message: 'is not correct' }]);
    const tooShort = await here.post('/api/me/password', { currentPassword: testPassword, newPassword: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.details[0].path).toBe('newPassword');
    expect(
      (await here.post('/api/me/password', { currentPassword: testPassword, newPassword: 'a brand new password' }))
        .status,
    ).toBe(204);
    expect((await here.get('/api/session')).status).toBe(200);
    expect((await elsewhere.get('/api/session')).status).toBe(401);
    expect((await new Client(server.baseUrl).login(email, 'a brand new password')).status).toBe(200);
    const history = await t.store.database.db
      .selectFrom('history')
      .select('changes')
      .where('entity_id', '=', userId)
      .execute();
    expect(history.map((h) => h.changes)).toContain(JSON.stringify({ password: 'changed' }));
  });

  it('never writes passwords, session secrets, CSRF tokens or API tokens to the log', async () => {
    const client = new Client(server.baseUrl);
    const login = await client.login(adminEmail, testPassword);
    const sessionSecret = login.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const created = await client.post(`/api/orgs/${orgId}/tokens`, { name: 'log check', role: 'researcher' });
    const scripted = new Client(server.baseUrl);
    scripted.bearer = created.body.token;
    expect((await scripted.get(`/api/orgs/${orgId}`)).status).toBe(200);
    const log = logLines.join('');
    expect(log).toContain('"url":"/api/auth/login"');
    for (const secret of [
      testPassword,
      sessionSecret,
      client.csrfToken,
      created.body.token,
      digestSecret(sessionSecret),
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('rate-limits login attempts, even with the right password', async () => {
    const strict = await startServer(t.store, t.env.DATA_DIR!, { LOGIN_RATE_LIMIT: '3' });
    try {
      const client = new Client(strict.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await client.login('someone@example.org', 'guess')).status);
      expect(statuses).toEqual([401, 401, 401]);
      const limited = await client.login(adminEmail, testPassword);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
    } finally {
      await strict.close();
    }
  });
});
