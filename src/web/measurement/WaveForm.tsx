import { Button, Checkbox, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { WaveInput, waveKinds, type Wave } from '../../domain/measurement/schemas.ts';
import { levels } from '../../domain/support/schemas.ts';
import { FormError } from '../forms/FormError.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { notifyDone } from '../notify.ts';
import { useInstruments, useSaveWave } from './measurement-hooks.ts';

const fields = ['name', 'kind', 'scheduledOn', 'instruments', 'levels', 'version'] as const;
const kindLabels: Record<Wave['kind'], string> = { baseline: 'Baseline', 'follow-up': 'Follow-up', 'ad-hoc': 'Ad hoc' };
const levelLabels: Record<(typeof levels)[number], string> = {
  individual: 'Individuals (their own view)',
  team: 'Team ratings',
  organization: 'Organization ratings',
  system: 'System ratings',
};

interface WaveFormProps {
  orgId: string;
  engagementId: string;
  /** The wave being edited; none to plan a new one. */
  wave?: Wave;
  onDone: () => void;
}

/** Plans or edits a wave: name, kind, date, the instruments (latest versions) and the levels it measures. */
export function WaveForm({ orgId, engagementId, wave, onDone }: WaveFormProps) {
  const instruments = useInstruments(orgId);
  const save = useSaveWave(orgId, engagementId);
  const { fieldErrors, formError, validate, showApiError } = useFormErrors(fields);
  const [name, setName] = useState(wave?.name ?? '');
  const [kind, setKind] = useState<string>(wave?.kind ?? 'baseline');
  const [scheduledOn, setScheduledOn] = useState(wave?.scheduledOn ?? '');
  const [chosen, setChosen] = useState<string[]>(wave?.instruments.map((i) => `${i.instrumentId}@${i.version}`) ?? []);
  const [chosenLevels, setChosenLevels] = useState<string[]>(wave?.levels ?? [...levels]);

  const options = (instruments.data ?? []).flatMap((i) =>
    i.versions.map((version) => ({ value: `${i.id}@${version}`, label: `${i.name} ${version}` })),
  );
  // Keep the versions a wave already pins selectable, even if the list is still loading.
  for (const value of chosen) if (!options.some((o) => o.value === value)) options.push({ value, label: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = validate(WaveInput, {
      name,
      kind,
      scheduledOn: scheduledOn === '' ? null : scheduledOn,
      instruments: chosen.map((value) => {
        const at = value.lastIndexOf('@');
        return { instrumentId: value.slice(0, at), version: value.slice(at + 1) };
      }),
      levels: chosenLevels,
    });
    if (!input) return;
    save.mutate(
      { input, existing: wave && { id: wave.id, version: wave.version } },
      {
        onSuccess: (saved) => {
          notifyDone(wave ? `Saved ${saved.name}` : `Planned ${saved.name}`);
          onDone();
        },
        onError: showApiError,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          placeholder="e.g. Baseline, Month 6"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrors.name}
          required
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label="Kind"
            data={waveKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
            value={kind}
            onChange={(v) => setKind(v ?? 'baseline')}
            error={fieldErrors.kind}
            allowDeselect={false}
          />
          <TextInput
            label="Scheduled on"
            type="date"
            value={scheduledOn}
            onChange={(e) => setScheduledOn(e.currentTarget.value)}
            error={fieldErrors.scheduledOn}
            description="Leave empty for an ad-hoc occasion"
          />
        </Group>
        <MultiSelect
          label="Instruments"
          placeholder="Pick one or more"
          data={options}
          value={chosen}
          onChange={setChosen}
          error={fieldErrors.instruments}
          searchable
          required
        />
        <Checkbox.Group
          label="Levels measured"
          value={chosenLevels}
          onChange={setChosenLevels}
          error={fieldErrors.levels}
        >
          <Stack gap={6} mt={6}>
            {levels.map((level) => (
              <Checkbox key={level} value={level} label={levelLabels[level]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormError
          message={
            formError ??
            (fieldErrors.version
              ? `${fieldErrors.version}. Someone else saved this wave; close and reopen it to see their changes.`
              : null)
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {wave ? 'Save wave' : 'Plan wave'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
