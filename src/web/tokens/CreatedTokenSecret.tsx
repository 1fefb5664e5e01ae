import { Code, Text } from '@mantine/core';
import type { CreatedToken } from '../../domain/accounts/schemas.ts';
import { SecretShownOnce } from '../layout/SecretShownOnce.tsx';

/** The one and only showing of a new token's secret. */
export function CreatedTokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  return (
    <SecretShownOnce
      warning="Copy this token now"
      explanation="You will not see it again. Praxis stores only a hash of it; if it is lost, revoke it and create a new one."
      label={`Token “${created.apiToken.name}”`}
      secret={created.token}
      copyLabel="Copy token"
      testId="new-token-secret"
      usage={
        <Text fz="sm" c="dimmed">
          Send it as <Code>Authorization: Bearer &lt;token&gt;</Code> with each API request.
        </Text>
      }
      onDone={onDone}
    />
  );
}
