import { Button, Group, Paper, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { Engagement, Partner } from '../../domain/support/schemas.ts';
import type { InteractionFilter, ModelVocabulary } from '../api/support.ts';
import type { FilterKey } from './interaction-filter.ts';

interface InteractionFiltersProps {
  filter: InteractionFilter;
  engagements: Engagement[];
  partners: Partner[];
  model: ModelVocabulary | undefined;
  myUserId: string;
  onChange: (key: FilterKey | 'includeDeleted', value: string | null) => void;
  onClear: () => void;
}

/** Filters of the interaction list: engagement, partner, practitioner, dates, component and stage. */
export function InteractionFilters({
  filter,
  engagements,
  partners,
  model,
  myUserId,
  onChange,
  onClear,
}: InteractionFiltersProps) {
  const practitionerOptions = [{ value: myUserId, label: 'Logged by me' }];
  if (filter.loggedBy && filter.loggedBy !== myUserId)
    practitionerOptions.push({ value: filter.loggedBy, label: 'Logged by a colleague' });
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      mb="md"
      component="form"
      role="search"
      aria-label="Filter interactions"
      onSubmit={(event) => event.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label="Engagement"
          placeholder="Any"
          data={engagements.map((engagement) => ({ value: engagement.id, label: engagement.name }))}
          value={filter.engagementId ?? null}
          onChange={(value) => onChange('engagementId', value)}
          searchable
          clearable
        />
        <Select
          label="Partner"
          placeholder="Any"
          data={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
          value={filter.partnerId ?? null}
          onChange={(value) => onChange('partnerId', value)}
          searchable
          clearable
        />
        <Select
          label="Practitioner"
          placeholder="Anyone"
          data={practitionerOptions}
          value={filter.loggedBy ?? null}
          onChange={(value) => onChange('loggedBy', value)}
          clearable
        />
        <Select
          label="Component"
          placeholder="Any"
          data={(model?.components ?? []).map((component) => ({ value: component.id, label: component.name }))}
          value={filter.componentId ?? null}
          onChange={(value) => onChange('componentId', value)}
          searchable
          clearable
        />
        <Select
          label="Stage"
          placeholder="Any"
          data={(model?.stages ?? []).map((stage) => ({ value: stage.id, label: stage.name }))}
          value={filter.stageId ?? null}
          onChange={(value) => onChange('stageId', value)}
          clearable
        />
        <TextInput
          type="date"
          label="From"
          value={filter.from ?? ''}
          onChange={(event) => onChange('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="To"
          value={filter.to ?? ''}
          onChange={(event) => onChange('to', event.currentTarget.value)}
        />
        <Group align="flex-end" justify="space-between" gap="xs">
          <Switch
            label="Show deleted"
            checked={filter.includeDeleted === true}
            onChange={(event) => onChange('includeDeleted', event.currentTarget.checked ? 'true' : null)}
            mb={8}
          />
          <Button variant="subtle" onClick={onClear}>
            Clear filters
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
