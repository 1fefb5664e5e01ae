import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { SignalSettings } from '../../domain/signals/schemas.ts';
import type { SignalRule, StoredSignalSettings } from '../../domain/signals/schemas.ts';
import { fetchSignalSettings, saveSignalSettings } from '../api/plans.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { plainMessage } from '../forms/plain-message.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { LoadErrorPage } from '../layout/LoadErrorPage.tsx';
import { LoadingPage } from '../layout/LoadingPage.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { queryKeys } from '../query-keys.ts';

type Threshold = { field: string; label: string; unit: string; decimals?: boolean };

/** Each rule in plain words, with the thresholds an administrator may set. */
const rules: { rule: SignalRule; title: string; explanation: string; thresholds: Threshold[] }[] = [
  {
    rule: 'noContact',
    title: 'No contact for a while',
    explanation: 'Fires when an open engagement has no logged interaction for this many weeks.',
    thresholds: [{ field: 'weeks', label: 'Weeks without contact', unit: 'weeks' }],
  },
  {
    rule: 'noFoundational',
    title: 'No foundational support',
    explanation: 'Fires when no minutes went to the model’s foundational components for this many months.',
    thresholds: [{ field: 'months', label: 'Months without foundational components', unit: 'months' }],
  },
  {
    rule: 'plannedComponentUnused',
    title: 'A planned component is unused',
    explanation: 'Fires when the stage plan sets minutes for a component and none were logged for this many months.',
    thresholds: [{ field: 'months', label: 'Months unused', unit: 'months' }],
  },
  {
    rule: 'scoreFell',
    title: 'An outcome score fell',
    explanation:
      'Fires when a score fell by more than this between the last two waves, or its last wave is below the floor.',
    thresholds: [
      { field: 'drop', label: 'Fall between waves', unit: 'points', decimals: true },
      { field: 'below', label: 'Floor', unit: 'points', decimals: true },
    ],
  },
  {
    rule: 'nextStepsOverdue',
    title: 'Next steps or planned activities overdue',
    explanation: 'Fires when an open next step or planned activity is this many days past its due date.',
    thresholds: [{ field: 'days', label: 'Days overdue', unit: 'days' }],
  },
  {
    rule: 'doseFromPlan',
    title: 'Dose far from plan',
    explanation: 'Fires when the minutes logged last month differ from the minutes planned by more than this share.',
    thresholds: [{ field: 'percent', label: 'Difference from plan', unit: 'percent' }],
  },
];

type Values = Record<SignalRule, Record<string, number | boolean | ''>>;

/** The organization's signal rules: each on or off, with its thresholds (administrators). */
export default function SignalSettingsPage() {
  const organization = useOrganization();
  usePageTitle('Signals', organization.name);
  const settings = useQuery({
    queryKey: queryKeys.signalSettings(organization.id),
    queryFn: ({ signal }) => fetchSignalSettings(organization.id, signal),
  });
  if (settings.isPending) return <LoadingPage />;
  if (settings.isError) return <LoadErrorPage error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <SignalSettingsForm
      key={settings.data.version}
      orgId={organization.id}
      loaded={settings.data}
      onReload={() => void settings.refetch()}
    />
  );
}

function SignalSettingsForm({
  orgId,
  loaded,
  onReload,
}: {
  orgId: string;
  loaded: StoredSignalSettings;
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(loaded.settings as unknown as Values);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);

  const set = (rule: SignalRule, field: string, value: number | boolean | '') =>
    setValues((current) => ({ ...current, [rule]: { ...current[rule], [field]: value } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = SignalSettings.safeParse(values);
    const problems = checked.success
      ? []
      : checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const place = (list: { path: string; message: string }[]) =>
      Object.fromEntries(
        list.map((p) => {
          const [rule, field] = p.path.replace(/^settings\./, '').split('.');
          const threshold = rules.find((r) => r.rule === rule)?.thresholds.find((t) => t.field === field);
          return [`${rule}.${field}`, plainMessage(threshold?.label.toLowerCase() ?? 'value', p.message)];
        }),
      );
    if (!checked.success) return setErrors(place(problems));
    setErrors({});
    setSaving(true);
    try {
      await saveSignalSettings(orgId, checked.data, loaded.version);
      notifyDone('The signal settings are saved.');
      await queryClient.invalidateQueries({ queryKey: ['orgs', orgId] });
    } catch (error) {
      if (isApiError(error) && error.status === 409) setStale(true);
      else setErrors({ ...place(isApiError(error) ? error.details : []), form: errorMessageOf(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Signal settings">
      <PageHeader
        title="Signals"
        description="Rules over the record that point to where support may need to change. Switch each on or off and set its threshold."
      />
      <Stack gap="md">
        {stale && (
          <Alert color="orange" role="alert" title="Someone saved these settings while you were editing">
            <Stack gap="xs">
              <Text size="sm">
                Your changes are still in the form. Reload to see the saved settings (yours are dropped).
              </Text>
              <Group>
                <Button size="xs" variant="default" onClick={onReload}>
                  Reload the saved settings
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {rules.map(({ rule, title, explanation, thresholds }) => (
          <Paper key={rule} withBorder p="md" radius="md" component="section" aria-label={title}>
            <Stack gap="xs">
              <Switch
                label={title}
                checked={values[rule].enabled === true}
                onChange={(event) => set(rule, 'enabled', event.currentTarget.checked)}
              />
              <Text size="sm" c="dimmed">
                {explanation}
              </Text>
              <Group gap="sm" align="flex-start" wrap="wrap">
                {thresholds.map((t) => (
                  <NumberInput
                    key={t.field}
                    label={`${t.label} (${t.unit})`}
                    value={values[rule][t.field] as number | ''}
                    onChange={(value) => set(rule, t.field, typeof value === 'number' ? value : '')}
                    allowDecimal={t.decimals === true}
                    disabled={values[rule].enabled !== true}
                    error={errors[`${rule}.${t.field}`]}
                    style={{ flex: '1 1 200px' }}
                  />
                ))}
              </Group>
            </Stack>
          </Paper>
        ))}
        {errors.form && (
          <Alert color="red" role="alert" data-form-error>
            {errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Save signal settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
