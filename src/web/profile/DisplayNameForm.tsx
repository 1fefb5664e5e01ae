import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { UpdateProfileRequest } from '../../domain/accounts/schemas.ts';
import type { User } from '../../domain/accounts/schemas.ts';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';
import { useUpdateDisplayName } from './useUpdateDisplayName.ts';

const fields = ['name'] as const;

export function DisplayNameForm({ user }: { user: User }) {
  const [name, setName] = useState(user.name);
  const updateDisplayName = useUpdateDisplayName();
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = validate(UpdateProfileRequest, { name });
    if (!request) return;
    updateDisplayName.mutate(request.name, {
      onSuccess: (updated) => {
        setName(updated.name);
        notifyDone('Your display name is saved.');
      },
      onError: showApiError,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Email" value={user.email} readOnly variant="filled" description="What you sign in with." />
        <TextInput
          label="Display name"
          description="Shown to the other members of your organizations."
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
          autoComplete="name"
        />
        <FormError message={formError} />
        <Button
          type="submit"
          loading={updateDisplayName.isPending}
          disabled={name.trim() === user.name}
          style={{ alignSelf: 'flex-start' }}
        >
          Save name
        </Button>
      </Stack>
    </form>
  );
}
