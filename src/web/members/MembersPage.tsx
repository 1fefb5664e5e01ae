import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { useMembers } from './member-hooks.ts';
import { MemberList } from './MemberList.tsx';

/** Administration: who belongs to the organization and with which role. */
export default function MembersPage() {
  const organization = useOrganization();
  const { user } = useSignedInSession();
  usePageTitle('Members', organization.name);
  const members = useMembers(organization.id);
  const [adding, { open: openAdding, close: closeAdding }] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="Members"
        description="People who can sign in to this organization, and what their role lets them do."
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openAdding}>
            Add member
          </Button>
        }
      />
      {members.isPending && <LoadingPage />}
      {members.isError && <LoadErrorPage error={members.error} onRetry={() => void members.refetch()} />}
      {members.isSuccess && <MemberList orgId={organization.id} members={members.data} currentUserId={user.id} />}
      <Modal opened={adding} onClose={closeAdding} title="Add member" size="lg">
        <AddMemberForm orgId={organization.id} onDone={closeAdding} />
      </Modal>
    </>
  );
}
