import { Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { PartnerInput, partnerKinds } from '../../domain/support/schemas.ts';
import type { Partner, PartnerKind } from '../../domain/support/schemas.ts';
import { sentenceCase } from '../engagements/model-names.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';
import { useSavePartner } from './partner-hooks.ts';
import { parentKindOf } from './partner-tree.ts';

const fields = ['name', 'kind', 'parentId', 'type', 'region', 'stateOrCountry', 'tags', 'version'] as const;

interface PartnerFormProps {
  orgId: string;
  partners: Partner[];
  /** The partner to edit; a new one when absent. */
  partner?: Partner;
  onDone: (saved: Partner) => void;
  onCancel: () => void;
}

/** Creates or edits a partner: its place in the hierarchy and how it is described. */
export function PartnerForm({ orgId, partners, partner, onDone, onCancel }: PartnerFormProps) {
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<PartnerKind>(partner?.kind ?? 'organization');
  const [parentId, setParentId] = useState<string | null>(partner?.parentId ?? null);
  const [type, setType] = useState(partner?.type ?? '');
  const [region, setRegion] = useState(partner?.region ?? '');
  const [stateOrCountry, setStateOrCountry] = useState(partner?.stateOrCountry ?? '');
  const [tags, setTags] = useState<string[]>(partner?.tags ?? []);
  const save = useSavePartner(orgId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);

  const parentKind = parentKindOf[kind];
  const parents = partners.filter((candidate) => candidate.kind === parentKind && candidate.id !== partner?.id);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = validate(PartnerInput, {
      name,
      kind,
      parentId: parentKind ? parentId : null,
      type,
      region,
      stateOrCountry,
      tags,
    });
    if (!input) return;
    save.mutate(
      { input, existing: partner ? { id: partner.id, version: partner.version } : undefined },
      {
        onSuccess: (saved) => {
          notifyDone(partner ? `${saved.name} saved.` : `${saved.name} added.`);
          onDone(saved);
        },
        onError: showApiError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={partner ? 'Edit partner' : 'Add partner'}>
      <Stack>
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrors.name}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Select
            label="Kind"
            data={partnerKinds.map((value) => ({ value, label: sentenceCase(value) }))}
            value={kind}
            onChange={(value) => value && setKind(value as PartnerKind)}
            allowDeselect={false}
            error={fieldErrors.kind}
          />
          <Select
            label={parentKind ? `Part of (${parentKind})` : 'Part of'}
            placeholder={parentKind ? 'None' : 'A system is not part of another partner'}
            disabled={!parentKind}
            data={parents.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={parentKind ? parentId : null}
            onChange={setParentId}
            searchable
            clearable
            error={fieldErrors.parentId}
          />
          <TextInput
            label="Type"
            placeholder="e.g. county agency, school district"
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            error={fieldErrors.type}
          />
          <TextInput
            label="Region"
            value={region}
            onChange={(e) => setRegion(e.currentTarget.value)}
            error={fieldErrors.region}
          />
          <TextInput
            label="State or country"
            value={stateOrCountry}
            onChange={(e) => setStateOrCountry(e.currentTarget.value)}
            error={fieldErrors.stateOrCountry}
          />
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            value={tags}
            onChange={setTags}
            error={fieldErrors.tags}
          />
        </SimpleGrid>
        <FormError message={formError ?? fieldErrors.version ?? null} />
        <FormActions
          submitLabel={partner ? 'Save partner' : 'Add partner'}
          pending={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
