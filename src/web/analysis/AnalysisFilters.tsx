import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useEngagements } from '../engagements/engagement-hooks.ts';
import { usePartners } from '../partners/partner-hooks.ts';
import { usePeople } from '../people/usePeople.ts';
import type { AnalysisFilter } from './analysis-api.ts';
import { emptyFilter } from './analysis-api.ts';

interface AnalysisFiltersProps {
  orgId: string;
  filter: AnalysisFilter;
  onChange: (filter: AnalysisFilter) => void;
  stages: ReadonlyArray<{ id: string; name: string }>;
}

/** Which engagements and months the analysis covers: engagement, partner or team, region, practitioner, stage, months. */
export function AnalysisFilters({ orgId, filter, onChange, stages }: AnalysisFiltersProps) {
  const engagements = useEngagements(orgId);
  const partners = usePartners(orgId);
  const { people } = usePeople(orgId);
  const regions = useMemo(
    () => [...new Set((partners.data ?? []).map((p) => p.region.trim()).filter(Boolean))].sort(),
    [partners.data],
  );
  const set = (patch: Partial<AnalysisFilter>) => onChange({ ...filter, ...patch });
  const changed = JSON.stringify(filter) !== JSON.stringify(emptyFilter);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Filters" mb="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <MultiSelect
          label="Engagements"
          placeholder={filter.engagementIds.length ? undefined : 'All engagements'}
          data={(engagements.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          value={filter.engagementIds}
          onChange={(engagementIds) => set({ engagementIds })}
          searchable
          clearable
        />
        <Select
          label="Partner or team"
          placeholder="All partners"
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` }))}
          value={filter.partnerId || null}
          onChange={(value) => set({ partnerId: value ?? '' })}
          searchable
          clearable
        />
        <Select
          label="Region"
          placeholder="All regions"
          data={regions}
          value={filter.region || null}
          onChange={(value) => set({ region: value ?? '' })}
          clearable
        />
        <Select
          label="Practitioner (ISP)"
          placeholder="Everyone"
          data={(people.data ?? []).map((p) => ({ value: p.userId, label: p.name }))}
          value={filter.ispId || null}
          onChange={(value) => set({ ispId: value ?? '' })}
          searchable
          clearable
        />
        <Select
          label="Current stage"
          placeholder="Any stage"
          data={stages.map((s) => ({ value: s.id, label: s.name }))}
          value={filter.stageId || null}
          onChange={(value) => set({ stageId: value ?? '' })}
          clearable
        />
        <TextInput
          label="From month"
          type="month"
          value={filter.from}
          onChange={(event) => set({ from: event.currentTarget.value })}
        />
        <TextInput
          label="To month"
          type="month"
          value={filter.to}
          onChange={(event) => set({ to: event.currentTarget.value })}
        />
        <Group align="flex-end">
          <Button variant="subtle" onClick={() => onChange(emptyFilter)} disabled={!changed}>
            Clear filters
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
