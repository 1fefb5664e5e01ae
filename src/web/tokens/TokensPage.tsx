import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { EmptyPanel } from '../layout/EmptyPanel.tsx';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { CreateTokenDialog } from './CreateTokenDialog.tsx';
import { useTokens } from './token-hooks.ts';
import { TokenList } from './TokenList.tsx';

/** Administration: API tokens that let scripts use the HTTP API on the organization's behalf. */
export default function TokensPage() {
  const organization = useOrganization();
  usePageTitle('API tokens', organization.name);
  const tokens = useTokens(organization.id);
  const [creating, { open: openCreating, close: closeCreating }] = useDisclosure(false);

  let content: ReactNode;
  if (tokens.isPending) content = <LoadingPage />;
  else if (tokens.isError) content = <LoadErrorPage error={tokens.error} onRetry={() => void tokens.refetch()} />;
  else if (tokens.data.length === 0)
    content = (
      <EmptyPanel
        icon={<IconKey size={32} aria-hidden />}
        title="No API tokens"
        description="Create one when a script or integration needs to use the API."
      />
    );
  else content = <TokenList orgId={organization.id} tokens={tokens.data} />;

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and integrations use the HTTP API with a role in this organization. Each secret is shown once; revoke a token as soon as it is no longer needed."
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={openCreating}>
            Create token
          </Button>
        }
      />
      {content}
      <CreateTokenDialog orgId={organization.id} opened={creating} onClose={closeCreating} />
    </>
  );
}
