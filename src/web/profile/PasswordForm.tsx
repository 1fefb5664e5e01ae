import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import { ChangePasswordRequest } from '../../domain/accounts/schemas.ts';
import { changePassword } from '../api/profile.ts';
import { FormError } from '../forms/FormError.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';

const fields = ['currentPassword', 'newPassword', 'confirmation'] as const;

/** The shared request, plus the confirmation that only the form needs. */
const PasswordChange = z
  .object({ currentPassword: z.string(), newPassword: z.string(), confirmation: z.string() })
  .superRefine((values, context) => {
    const request = ChangePasswordRequest.safeParse({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    if (!request.success)
      for (const issue of request.error.issues)
        context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    if (values.confirmation !== values.newPassword) {
      context.addIssue({ code: 'custom', path: ['confirmation'], message: 'does not match the new password' });
    }
  });

const emptyPasswords = { currentPassword: '', newPassword: '', confirmation: '' };

export function PasswordForm() {
  const [values, setValues] = useState(emptyPasswords);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);
  const change = useMutation({ mutationFn: changePassword });

  const set = (field: keyof typeof emptyPasswords) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!validate(PasswordChange, values)) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(emptyPasswords);
          notifyDone('Your password is changed.');
        },
        onError: showApiError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={fieldErrors.currentPassword}
        />
        <PasswordField
          label="New password"
          description="At least 10 characters."
          autoComplete="new-password"
          required
          value={values.newPassword}
          onChange={set('newPassword')}
          error={fieldErrors.newPassword}
        />
        <PasswordField
          label="Repeat new password"
          autoComplete="new-password"
          required
          value={values.confirmation}
          onChange={set('confirmation')}
          error={fieldErrors.confirmation}
        />
        <FormError message={formError} />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          Change password
        </Button>
      </Stack>
    </form>
  );
}
