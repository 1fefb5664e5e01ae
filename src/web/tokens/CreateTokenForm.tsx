import { NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { CreateTokenRequest } from '../../domain/accounts/schemas.ts';
import type { CreatedToken } from '../../domain/accounts/schemas.ts';
import type { Role } from '../../domain/roles.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { RoleSelect } from '../organizations/RoleSelect.tsx';
import { useCreateToken } from './token-hooks.ts';

const fields = ['name', 'role', 'expiresInDays'] as const;

interface CreateTokenFormProps {
  orgId: string;
  onCreated: (created: CreatedToken) => void;
  onCancel: () => void;
}

/** Names a token for a script, the role it acts with and how long it lives. */
export function CreateTokenForm({ orgId, onCreated, onCancel }: CreateTokenFormProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('researcher');
  const [expiresInDays, setExpiresInDays] = useState<number | string>(90);
  const createToken = useCreateToken(orgId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = validate(CreateTokenRequest, {
      name,
      role,
      expiresInDays: expiresInDays === '' ? undefined : Number(expiresInDays),
    });
    if (!request) return;
    createToken.mutate(request, { onSuccess: onCreated, onError: showApiError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          description="What the token is for, e.g. “nightly export”"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
          data-autofocus
        />
        <RoleSelect
          label="Role"
          description="The token can do what a member with this role can do"
          required
          value={role}
          onChange={setRole}
          error={fieldErrors.role}
        />
        <NumberInput
          label="Expires after (days)"
          description="Leave empty for a token that never expires"
          min={1}
          max={3650}
          allowDecimal={false}
          value={expiresInDays}
          onChange={setExpiresInDays}
          error={fieldErrors.expiresInDays}
        />
        <FormError message={formError} />
        <FormActions submitLabel="Create token" pending={createToken.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
