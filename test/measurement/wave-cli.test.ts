import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../src/app/partners/create-contact.ts';
import { submitSurvey } from '../../src/app/surveys/submit-survey.ts';
import { runPraxis } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { buildMember, buildOrganization } from '../support/factories.ts';
import { buildEngagement } from '../support/records.ts';

describe('praxis wave and praxis survey', { timeout: 180_000 }, () => {
  let t: TestDatabase;
  let orgId: string;
  let engagementId: string;
  let contactId: string;
  let waveId: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    orgId = (await buildOrganization(t.store)).organization.id;
    const lead = await buildMember(t.store, orgId, 'lead');
    const { partner, engagement } = await buildEngagement(t.store, orgId, lead.userId);
    engagementId = engagement.id;
    contactId = (
      await createContact(
        t.store,
        orgId,
        { partnerId: partner.id, name: 'Ana Ruiz', email: '', level: 'individual', role: '', language: null },
        lead.userId,
      )
    ).id;
  });
  afterAll(async () => {
    await t.dispose();
  });

  const praxis = (...args: string[]) => runPraxis(args, t.env);

  it('plans a wave (latest instrument version when none is named) and refuses bad input by option', async () => {
    const bad = await praxis(
      'wave',
      'create',
      '--org',
      orgId,
      '--engagement',
      engagementId,
      '--name',
      ' ',
      '--kind',
      'baseline',
      '--on',
      '2020-13-01',
      '--instrument',
      'aim-support',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: The wave is not valid');
    expect(bad.stderr).toContain('--name: is required');
    expect(bad.stderr).toContain('--on: must be a date YYYY-MM-DD');
    const missing = await praxis(
      'wave',
      'create',
      '--org',
      orgId,
      '--engagement',
      engagementId,
      '--name',
      'Baseline',
      '--kind',
      'baseline',
      '--instrument',
      'no-such-instrument',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-instrument/);

    const created = await praxis(
      'wave',
      'create',
      '--org',
      orgId,
      '--engagement',
      engagementId,
      '--name',
      'Baseline',
      '--kind',
      'baseline',
      '--on',
      '2020-03-01',
      '--instrument',
      'aim-support,fim-support@1.0.0',
      '--level',
      'individual,team',
      '--json',
    );
    expect(created.code, created.stderr).toBe(0);
    const wave = JSON.parse(created.stdout);
    expect(wave).toMatchObject({
      name: 'Baseline',
      version: 1,
      levels: ['individual', 'team'],
      instruments: [
        { instrumentId: 'aim-support', version: '1.0.0' },
        { instrumentId: 'fim-support', version: '1.0.0' },
      ],
    });
    waveId = wave.id;
    const listed = await praxis('wave', 'list', '--org', orgId, '--engagement', engagementId);
    expect(listed.stdout).toContain(
      `${waveId}  2020-03-01  baseline   Baseline  [aim-support@1.0.0, fim-support@1.0.0; individual, team]  v1`,
    );
  });

  it('updates a wave, refusing a stale version with exit 1', async () => {
    const updated = await praxis(
      'wave',
      'update',
      waveId,
      '--org',
      orgId,
      '--version',
      '1',
      '--name',
      'Baseline (March)',
      '--json',
    );
    expect(updated.code, updated.stderr).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      name: 'Baseline (March)',
      version: 2,
      scheduledOn: '2020-03-01',
    });
    const stale = await praxis('wave', 'update', waveId, '--org', orgId, '--version', '1', '--name', 'Lost');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Wave was changed by someone else (now version 2, you edited version 1)');
  });

  it('invites, lists links with their status and revokes one', async () => {
    const invited = await praxis(
      'survey',
      'invite',
      waveId,
      '--org',
      orgId,
      '--contact',
      contactId,
      '--base-url',
      'https://praxis.example.org',
      '--json',
    );
    expect(invited.code, invited.stderr).toBe(0);
    const link = JSON.parse(invited.stdout);
    expect(link.url).toBe(`https://praxis.example.org/survey/${link.token}`);
    await submitSurvey(
      t.store,
      link.token,
      {
        'aim-support': { 'aim-1': 4, 'aim-2': 4, 'aim-3': 4, 'aim-4': 4 },
        'fim-support': { 'fim-1': 3, 'fim-2': 3, 'fim-3': 3, 'fim-4': 3 },
      },
      new Date(),
      'en',
    );
    const anonymous = await praxis('survey', 'invite', waveId, '--org', orgId, '--anonymous');
    expect(anonymous.code).toBe(0);
    expect(anonymous.stdout).toMatch(/^\/survey\/\S{40,}\n/);
    const refused = await praxis('survey', 'invite', waveId, '--org', orgId, '--level', 'organization');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('partnerId');

    const listed = await praxis('survey', 'list', waveId, '--org', orgId, '--json');
    const progress = JSON.parse(listed.stdout);
    expect(progress.counts).toMatchObject({ links: 2, submitted: 1, unused: 1 });
    const open = progress.responses.find((r: { linkStatus: string }) => r.linkStatus === 'unused');
    const revoked = await praxis('survey', 'revoke', open.id, '--org', orgId);
    expect(revoked.code, revoked.stderr).toBe(0);
    const text = await praxis('survey', 'list', waveId, '--org', orgId);
    expect(text.stdout).toContain(
      '2 links: 0 unused, 0 started, 1 submitted, 0 expired, 1 revoked; 0 entered by staff',
    );
    expect(text.stdout).toMatch(/submitted\s+individual\s+Ana Ruiz {2}\[en\]/);
    const shown = await praxis('wave', 'show', waveId, '--org', orgId);
    expect(shown.stdout).toContain(
      'links: 2 (unused 0, started 0, submitted 1, expired 0, revoked 1); entered by staff: 0',
    );
  });

  it('deletes and restores a wave; an unknown wave exits 1 naming it', async () => {
    expect((await praxis('wave', 'delete', waveId, '--org', orgId, '--version', '1')).code).toBe(1);
    const deleted = await praxis('wave', 'delete', waveId, '--org', orgId);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect((await praxis('wave', 'list', '--org', orgId, '--engagement', engagementId)).stdout).toContain(
      'No waves planned',
    );
    expect((await praxis('wave', 'restore', waveId, '--org', orgId)).code).toBe(0);
    const unknown = await praxis('wave', 'show', 'nope', '--org', orgId);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Wave "nope" not found');
  });
});
