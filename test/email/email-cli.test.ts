import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWaveInvitations } from '../../src/app/email/send-wave-invitations.ts';
import { createWave } from '../../src/app/measurement/create-wave.ts';
import { createContact } from '../../src/app/partners/create-contact.ts';
import type { EmailSettings } from '../../src/domain/email/settings.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.ts';

describe('praxis email', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let smtp: TestSmtpServer;
  let env: Record<string, string>;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    smtp = await startSmtpServer();
    env = {
      ...t.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      EMAIL_FROM: 'praxis@example.org',
      PUBLIC_URL: 'https://praxis.example.org',
    };
    orgId = (await buildOrganization(t.store)).organization.id;
    const lead = await buildMember(t.store, orgId, 'lead');
    const { partner, engagement } = await buildEngagement(t.store, orgId, lead.userId);
    const contactId = (
      await createContact(
        t.store,
        orgId,
        { partnerId: partner.id, name: 'Ana', email: 'ana@example.org', level: 'individual', role: '', language: null },
        lead.userId,
      )
    ).id;
    const wave = await createWave(
      t.store,
      orgId,
      engagement.id,
      {
        name: 'Baseline',
        kind: 'baseline',
        scheduledOn: new Date().toISOString().slice(0, 10),
        instruments: [{ instrumentId: 'aim-support', version: '1.0.0' }],
        levels: ['individual'],
      },
      lead.userId,
    );
    const settings = { publicUrl: 'https://praxis.example.org', reminderLimit: 2 } as EmailSettings;
    await sendWaveInvitations(
      t.store,
      orgId,
      wave.id,
      { recipients: [{ contactId, lang: null }], expiresInDays: 14 },
      settings,
      lead.userId,
    );
  });
  afterAll(async () => {
    await smtp.close();
    await t.dispose();
  });

  it('refuses to run before email is set up, naming the setting', async () => {
    const result = await runPraxis(['email', 'send-due'], t.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SMTP_HOST: set SMTP_HOST, EMAIL_FROM and PUBLIC_URL');
  });

  it('sends the messages due once and reports the counts', async () => {
    const result = await runPraxis(['email', 'send-due'], env);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('Sent 1, to retry 0, failed 0.');
    expect(smtp.received.map((m) => m.to)).toEqual([['ana@example.org']]);
    expect((await runPraxis(['email', 'send-due'], env)).stdout.trim()).toBe('Sent 0, to retry 0, failed 0.');
  });

  it('queues and sends the weekly digest to the lead, once a week', async () => {
    const result = await runPraxis(['email', 'digest', '--org', orgId], env);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(
      'Queued 1 digest (0 with nothing to tell, 0 skipped); sent 1, to retry 0, failed 0.',
    );
    expect(smtp.received.at(-1)!.text).toContain('Survey waves due: 1 wave.');
    const again = await runPraxis(['email', 'digest', '--org', orgId], env);
    expect(again.stdout.trim()).toBe(
      'Queued 0 digests (0 with nothing to tell, 1 skipped); sent 0, to retry 0, failed 0.',
    );
  });
});
