import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { InvitationAccountRequest } from '../../domain/accounts/invitations.ts';
import { FormError } from '../forms/FormError.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { useCreateInvitedAccount } from './invitation-hooks.ts';

const fields = ['name', 'password'] as const;

/** A new person's account for the invited email: their name and a password of their own. */
export function InvitationAccountForm({ token, email }: { token: string; email: string }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const createAccount = useCreateInvitedAccount(token);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = validate(InvitationAccountRequest, { name, password });
    if (!request) return;
    createAccount.mutate(request, { onError: showApiError });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="invitation-account-heading">
      <Stack gap="sm">
        <Text fw={600} id="invitation-account-heading" component="h2" fz="md" m={0}>
          I am new to Praxis
        </Text>
        <Text fz="sm" c="dimmed">
          Create your account for {email}; you can then accept or decline.
        </Text>
        <TextInput
          label="Your name"
          required
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <PasswordField
          label="Choose a password"
          description="At least 10 characters."
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
        />
        <FormError message={formError} />
        <Button type="submit" loading={createAccount.isPending}>
          Create account
        </Button>
      </Stack>
    </form>
  );
}
