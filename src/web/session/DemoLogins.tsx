import { Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { demoPassword } from '../../domain/accounts/demo-accounts.ts';
import { DemoLogins as DemoLoginsSchema } from '../../domain/accounts/demo-logins.ts';
import { roleLabels } from '../../domain/roles.ts';
import { apiRequest } from '../api/client.ts';
import { queryKeys } from '../query-keys.ts';

/** The demo's logins, one per role, when this server holds the demo organization; nothing otherwise. */
export function DemoLogins({ onChoose }: { onChoose: (email: string, password: string) => void }) {
  const demo = useQuery({
    queryKey: queryKeys.demoLogins,
    queryFn: ({ signal }) => apiRequest('GET', '/api/demo', { schema: DemoLoginsSchema, signal }),
    staleTime: Infinity,
  });
  if (!demo.data?.exists || demo.data.logins.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="demo-logins-heading">
      <Stack gap="xs">
        <Title order={2} fz="md" id="demo-logins-heading">
          Try the demo
        </Title>
        <Text fz="sm">
          This server holds a synthetic demo organization. Every demo login uses the password{' '}
          <Code>{demoPassword}</Code>. Choose an email to fill in the form.
        </Text>
        <Table layout="fixed" fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="34%">Role</Table.Th>
              <Table.Th>Email</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {demo.data.logins.map((login) => (
              <Table.Tr key={login.email}>
                <Table.Td>{roleLabels[login.role]}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    px={4}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'left' }, root: { height: 'auto' } }}
                    onClick={() => onChoose(login.email, demoPassword)}
                  >
                    {login.email}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
