import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { Client, startServer } from '../support/http.ts';

describe('survey links in the logs', () => {
  let t: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    server = await startServer(
      t.store,
      t.env.DATA_DIR!,
      { LOG_LEVEL: 'info' },
      { write: (line) => void lines.push(line) },
    );
  });
  afterAll(async () => {
    await server.close();
    await t.dispose();
  });

  it('never writes a survey token to the request log', async () => {
    const token = 'secret-survey-token-abcdefghijklmnop';
    const client = new Client(server.baseUrl);
    expect((await client.get(`/api/surveys/${token}`)).status).toBe(404);
    expect((await client.request('PUT', `/api/surveys/${token}/answers`, { answers: {} })).status).toBe(404);
    expect(lines.join('\n')).toContain('/api/surveys/[redacted]');
    expect(lines.join('\n')).not.toContain(token);
  });
});
