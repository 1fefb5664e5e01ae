import type { SurveyResponse } from '../../domain/measurement/schemas.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';

/** Withdraws a survey link: it stops working at once; answers already saved are kept. */
export function revokeInvitation(
  store: Store,
  organizationId: string,
  responseId: string,
  actor: string,
): Promise<SurveyResponse> {
  return store.transaction(async (tx) => {
    const tenant = tx.tenant(organizationId);
    const response = await tenant.responses.require(responseId);
    if (!response.viaLink)
      throw invalid('Only a survey link can be revoked', [
        { path: 'id', message: 'this response was entered by staff, not through a link' },
      ]);
    if (response.status === 'submitted')
      throw conflict('This survey has already been submitted; there is nothing left to revoke', [
        { path: 'id', message: 'has been submitted' },
      ]);
    if (response.revokedAt !== null) return response;
    const revoked = await tenant.responses.revoke(responseId);
    await tenant.recordHistory({
      entity: 'measurement_response',
      entityId: responseId,
      action: 'revoke',
      actor,
      changes: {},
    });
    return revoked;
  });
}
