import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ContactInput, levels } from '../../domain/support/schemas.ts';
import type { Level } from '../../domain/support/schemas.ts';
import { sentenceCase } from '../engagements/model-names.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';
import { useSaveContact } from './partner-hooks.ts';

const fields = ['name', 'email', 'level', 'role'] as const;

/** Adds a person at the partner: who they are and at which level they work. */
export function ContactForm({ orgId, partnerId, onDone }: { orgId: string; partnerId: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [level, setLevel] = useState<Level>('individual');
  const [role, setRole] = useState('');
  const save = useSaveContact(orgId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = validate(ContactInput, { partnerId, name, email, level, role });
    if (!input) return;
    save.mutate(
      { input },
      {
        onSuccess: (contact) => {
          notifyDone(`${contact.name} added.`);
          onDone();
        },
        onError: showApiError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add contact">
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
          />
          <Select
            label="Level"
            data={levels.map((value) => ({ value, label: sentenceCase(value) }))}
            value={level}
            onChange={(value) => value && setLevel(value as Level)}
            allowDeselect={false}
            error={fieldErrors.level}
          />
          <TextInput
            label="Role"
            placeholder="e.g. program director"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            error={fieldErrors.role}
          />
        </SimpleGrid>
        <FormError message={formError} />
        <FormActions submitLabel="Add contact" pending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
