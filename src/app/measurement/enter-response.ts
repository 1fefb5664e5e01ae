import type { DirectResponseInput, SurveyResponse } from '../../domain/measurement/schemas.ts';
import { invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { scoreResponse } from './scores.ts';
import { checkRespondent, unitOf, versionsOf } from './wave-records.ts';
import { answerProblems, waveInstruments } from './wave-answers.ts';

/** Records a response entered by staff (e.g. a team-level rating from a meeting) and scores it at once. */
export function enterResponse(
  store: Store,
  organizationId: string,
  waveId: string,
  input: DirectResponseInput,
  actor: string,
): Promise<SurveyResponse> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const wave = await tenant.waves.require(waveId);
    await checkRespondent(tenant, wave, input);
    const instruments = await waveInstruments(tenant, wave);
    const problems = answerProblems(instruments, input.answers);
    if (problems.length > 0) throw invalid('Some answers are not valid', problems);
    const response = await tenant.responses.insert(
      {
        waveId,
        engagementId: wave.engagementId,
        tokenHash: null,
        anonymous: input.anonymous,
        contactId: input.contactId,
        partnerId: await unitOf(tenant, input),
        level: input.level,
        answers: input.answers,
        instrumentVersions: versionsOf(wave),
        expiresAt: null,
        submitted: true,
      },
      actor,
    );
    await scoreResponse(tenant, response);
    return response;
  });
}
