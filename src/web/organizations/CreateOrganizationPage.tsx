import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { CreateOrganizationRequest } from '../../domain/accounts/schemas.ts';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useSignedInSession } from '../session/useSession.ts';
import { organizationPath } from './organization-paths.ts';
import { useCreateOrganization } from './useCreateOrganization.ts';

const fields = ['name', 'slug'] as const;

/** Starts a new organization; its creator becomes its first administrator. */
export function CreateOrganizationPage() {
  usePageTitle('Create organization');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const createOrganization = useCreateOrganization();
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const firstOrganization = session.organizations.length === 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = validate(CreateOrganizationRequest, { name, slug: slug.trim() === '' ? undefined : slug });
    if (!request) return;
    createOrganization.mutate(request, {
      onSuccess: (organization) => {
        notifyDone(`${organization.name} is ready.`);
        void navigate(organizationPath(organization.id));
      },
      onError: showApiError,
    });
  };

  return (
    <>
      <PageHeader
        title={firstOrganization ? 'Create your organization' : 'Create organization'}
        description={
          firstOrganization
            ? 'You do not belong to any organization yet. Create one to start working; you will be its administrator.'
            : 'A separate workspace with its own members, partners and records. You will be its administrator.'
        }
      />
      <Paper withBorder p="lg" radius="md" maw={560}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Name"
              description="For example the name of your intermediary or technical-assistance organization."
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldErrors.name}
            />
            <TextInput
              label="Short name for links (optional)"
              description="Lowercase letters, digits and hyphens; made from the name when left empty."
              value={slug}
              onChange={(event) => setSlug(event.currentTarget.value)}
              error={fieldErrors.slug}
            />
            <FormError message={formError} />
            <Text size="sm" c="dimmed">
              Only you can see it until you add members.
            </Text>
            <Button type="submit" loading={createOrganization.isPending} style={{ alignSelf: 'flex-start' }}>
              Create organization
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
