import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormError } from '../forms/FormError.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { loginFailureMessage } from '../session/login-failure-message.ts';
import { useLogIn } from '../session/useLogIn.ts';

/** Sign-in with the invited email, on the invitation's page (the link never travels through the sign-in page's address). */
export function InvitationSignIn({ email }: { email: string }) {
  const logIn = useLogIn();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password === '') {
      setProblem('Enter your password.');
      return;
    }
    setProblem(null);
    logIn.mutate({ email, password }, { onError: (error) => setProblem(loginFailureMessage(error)) });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invitation-sign-in-heading">
      <Stack gap="sm">
        <Text fw={600} id="invitation-sign-in-heading" component="h2" fz="md" m={0}>
          I have a Praxis account
        </Text>
        <Text fz="sm" c="dimmed">
          Sign in as {email} to answer.
        </Text>
        <PasswordField
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <FormError message={problem} />
        <Button type="submit" variant="light" loading={logIn.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
