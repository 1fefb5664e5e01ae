import { Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { InviteMemberRequest } from '../../domain/accounts/invitations.ts';
import type { CreatedInvitation } from '../../domain/accounts/invitations.ts';
import type { Role } from '../../domain/roles.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { RoleSelect } from '../organizations/RoleSelect.tsx';
import { useInviteMember } from './member-hooks.ts';

const fields = ['email', 'role'] as const;

interface InviteMemberFormProps {
  orgId: string;
  onInvited: (created: CreatedInvitation) => void;
  onCancel: () => void;
}

/** Invites a person by email with a role; they join only when they accept. */
export function InviteMemberForm({ orgId, onInvited, onCancel }: InviteMemberFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('practitioner');
  const inviteMember = useInviteMember(orgId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = validate(InviteMemberRequest, { email, role });
    if (!request) return;
    inviteMember.mutate(request, { onSuccess: onInvited, onError: showApiError });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text fz="sm" c="dimmed">
          You will get a link to send to the person. With it they sign in, or create their account, and accept or
          decline. They become a member only when they accept.
        </Text>
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
        <RoleSelect label="Role" required value={role} onChange={setRole} error={fieldErrors.role} />
        <FormError message={formError} />
        <FormActions submitLabel="Create invitation" pending={inviteMember.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
