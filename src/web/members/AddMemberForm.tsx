import { Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { AddMemberRequest } from '../../domain/accounts/schemas.ts';
import type { Role } from '../../domain/roles.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { FormError } from '../forms/FormError.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';
import { RoleSelect } from '../organizations/RoleSelect.tsx';
import { useAddMember } from './member-hooks.ts';

const fields = ['email', 'name', 'role', 'password'] as const;

interface AddMemberFormProps {
  orgId: string;
  onDone: () => void;
}

/** Adds a person by email; a new account gets the initial password, an existing one keeps its own. */
export function AddMemberForm({ orgId, onDone }: AddMemberFormProps) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('practitioner');
  const [password, setPassword] = useState('');
  const addMember = useAddMember(orgId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = validate(AddMemberRequest, { email, name, role, password: password === '' ? undefined : password });
    if (!request) return;
    addMember.mutate(request, {
      onSuccess: (member) => {
        notifyDone(`${member.name} is now a member.`);
        onDone();
      },
      onError: showApiError,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
          data-autofocus
        />
        <TextInput
          label="Name"
          required
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <RoleSelect label="Role" required value={role} onChange={setRole} error={fieldErrors.role} />
        <PasswordField
          label="Initial password"
          description="Needed when the person has no Praxis account yet (at least 10 characters). Give it to them privately; they can change it in their profile."
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
        />
        <FormError message={formError} />
        <FormActions submitLabel="Add member" pending={addMember.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
