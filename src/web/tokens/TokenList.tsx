import { Stack } from '@mantine/core';
import type { ApiToken } from '../../domain/accounts/schemas.ts';
import { usePhoneLayout } from '../hooks/usePhoneLayout.ts';
import { TokenCard } from './TokenCard.tsx';
import { TokensTable } from './TokensTable.tsx';

/** The tokens as a table, or as cards on a phone. */
export function TokenList({ orgId, tokens }: { orgId: string; tokens: readonly ApiToken[] }) {
  const phone = usePhoneLayout();
  if (!phone) return <TokensTable orgId={orgId} tokens={tokens} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="API tokens">
      {tokens.map((token) => (
        <TokenCard key={token.id} orgId={orgId} token={token} />
      ))}
    </Stack>
  );
}
