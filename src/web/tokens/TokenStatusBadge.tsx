import { Badge } from '@mantine/core';
import type { TokenStatus } from './token-status.ts';

const colors: Record<TokenStatus, string> = { active: 'teal', expired: 'gray', revoked: 'red' };

export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return (
    <Badge color={colors[status]} variant="light">
      {status}
    </Badge>
  );
}
