import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ContactInput, levels } from '../../domain/support/schemas.ts';
import type { Contact, Level } from '../../domain/support/schemas.ts';
import { sentenceCase } from '../engagements/model-names.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';
import { useSaveContact } from './partner-hooks.ts';

const fields = ['name', 'email', 'level', 'role', 'language', 'version'] as const;

interface ContactFormProps {
  orgId: string;
  partnerId: string;
  /** The contact to edit; a new one when absent. */
  contact?: Contact;
  onDone: () => void;
}

/** Adds or edits a person at the partner: who they are, at which level they work and the language they prefer. */
export function ContactForm({ orgId, partnerId, contact, onDone }: ContactFormProps) {
  const [name, setName] = useState(contact?.name ?? '');
  const [email, setEmail] = useState(contact?.email ?? '');
  const [level, setLevel] = useState<Level>(contact?.level ?? 'individual');
  const [role, setRole] = useState(contact?.role ?? '');
  const [language, setLanguage] = useState(contact?.language ?? '');
  const save = useSaveContact(orgId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = validate(ContactInput, {
      partnerId,
      name,
      email,
      level,
      role,
      language: language.trim() === '' ? null : language.trim(),
    });
    if (!input) return;
    save.mutate(
      { input, existing: contact ? { id: contact.id, version: contact.version } : undefined },
      {
        onSuccess: (saved) => {
          notifyDone(contact ? `${saved.name} saved.` : `${saved.name} added.`);
          onDone();
        },
        onError: showApiError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={contact ? 'Edit contact' : 'Add contact'}>
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
          <TextInput
            label="Preferred language"
            placeholder="e.g. es"
            description="A language code such as en, es or pt-BR. Survey email is written in it when the survey has it."
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={fieldErrors.language}
          />
        </SimpleGrid>
        <FormError message={formError ?? fieldErrors.version ?? null} />
        <FormActions
          submitLabel={contact ? 'Save contact' : 'Add contact'}
          pending={save.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
