import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../domain/accounts/schemas.ts';
import { PasswordField } from '../forms/PasswordField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PraxisMark } from '../layout/PraxisMark.tsx';
import { DemoLogins } from './DemoLogins.tsx';
import { loginFailureMessage } from './login-failure-message.ts';
import { safeNextPath } from './safe-next-path.ts';
import { useLogIn } from './useLogIn.ts';
import { useSession } from './useSession.ts';

/** Email and password sign-in; afterwards the person lands on the page they asked for. */
export function LoginPage() {
  usePageTitle('Sign in');
  const session = useSession();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  if (session.isPending) return <LoadingPage />;
  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const credentials = LoginRequest.safeParse({ email, password });
    if (!credentials.success) {
      setProblem('Enter your email address and password.');
      return;
    }
    setProblem(null);
    logIn.mutate(credentials.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (error) => setProblem(loginFailureMessage(error)),
    });
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={400} gap="lg">
        <Center>
          <PraxisMark />
        </Center>
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md" component="main">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} fz={24}>
                  Sign in
                </Title>
                <Text c="dimmed" fz="sm">
                  Plan, log, coach and study external implementation support.
                </Text>
              </div>
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                autoFocus
              />
              <PasswordField
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              {problem && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
                  {problem}
                </Alert>
              )}
              <Button type="submit" loading={logIn.isPending} fullWidth>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        <DemoLogins
          onChoose={(demoEmail, demoPassword) => {
            setEmail(demoEmail);
            setPassword(demoPassword);
          }}
        />
      </Stack>
    </Center>
  );
}
