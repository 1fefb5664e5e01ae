import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { InviteMemberDialog } from './InviteMemberDialog.tsx';
import { useMembers } from './member-hooks.ts';
import { MemberList } from './MemberList.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';

/** Administration: who belongs to the organization and with which role, and who is invited to join. */
export default function MembersPage() {
  const organization = useOrganization();
  const { user } = useSignedInSession();
  usePageTitle('Members', organization.name);
  const members = useMembers(organization.id);
  const [inviting, { open: openInviting, close: closeInviting }] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="Members"
        description="People who can sign in to this organization, and what their role lets them do."
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openInviting}>
            Invite
          </Button>
        }
      />
      {members.isPending && <LoadingPage />}
      {members.isError && <LoadErrorPage error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && <MemberList orgId={organization.id} members={members.data} currentUserId={user.id} />}
      <PendingInvitations orgId={organization.id} />
      <InviteMemberDialog orgId={organization.id} opened={inviting} onClose={closeInviting} />
    </>
  );
}
