import type { InvitationInput, SurveyResponse } from '../../domain/measurement/schemas.ts';
import type { Store } from '../../store/store.ts';
import { digestSecret, randomSecret } from '../accounts/secrets.ts';
import { checkRespondent, unitOf, versionsOf } from './wave-records.ts';

/** Creates a single-use survey link for a wave. The token is returned once; only its SHA-256 is stored. */
export function inviteRespondent(
  store: Store,
  organizationId: string,
  waveId: string,
  input: InvitationInput,
  actor: string,
  now = new Date(),
): Promise<{ response: SurveyResponse; token: string; path: string }> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    await checkRespondent(tenant, wave, input);
    const token = randomSecret();
    const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
    const response = await tenant.responses.insert(
      {
        waveId,
        engagementId: wave.engagementId,
        tokenHash: digestSecret(token),
        anonymous: input.anonymous,
        contactId: input.contactId,
        partnerId: await unitOf(tenant, input),
        level: input.level,
        answers: {},
        instrumentVersions: versionsOf(wave),
        expiresAt,
        submitted: false,
      },
      actor,
    );
    return { response, token, path: `/survey/${token}` };
  });
}
