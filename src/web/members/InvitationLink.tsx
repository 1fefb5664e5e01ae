import type { CreatedInvitation } from '../../domain/accounts/invitations.ts';
import { roleLabels } from '../../domain/roles.ts';
import { formatDate } from '../format.ts';
import { SecretShownOnce } from '../layout/SecretShownOnce.tsx';

/** The one and only showing of a new invitation's link. */
export function InvitationLink({ created, onDone }: { created: CreatedInvitation; onDone: () => void }) {
  const { invitation } = created;
  return (
    <SecretShownOnce
      warning="Copy this link now"
      explanation={`You will not see it again. Send it to ${invitation.email} only: whoever holds it can answer the invitation. If it is lost, invite them again; the old link then stops working.`}
      label={`Invitation for ${invitation.email} as ${roleLabels[invitation.role].toLowerCase()}, open until ${formatDate(invitation.expiresAt)}`}
      secret={`${window.location.origin}${created.path}`}
      copyLabel="Copy link"
      testId="invitation-link"
      onDone={onDone}
    />
  );
}
