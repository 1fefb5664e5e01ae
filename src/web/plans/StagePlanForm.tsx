import { Alert, Button, Fieldset, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { StagePlanInput } from '../../domain/plans/schemas.ts';
import type { PlannedActivityStatus } from '../../domain/plans/schemas.ts';
import type { ModelVocabulary } from '../api/support.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { RepeatedRows, RowFields } from '../forms/RepeatedRows.tsx';
import { useFocusFirstError } from '../forms/useFocusFirstError.ts';
import { emptyActivity, emptyEmphasis, emptyGoal, planFormErrors, planInputOf } from './plan-form.ts';
import type { PlanFormErrors, PlanFormValues } from './plan-form.ts';

interface StagePlanFormProps {
  engagementId: string;
  stageId: string;
  model: ModelVocabulary;
  people: { userId: string; name: string }[];
  myUserId: string;
  initialValues: PlanFormValues;
  submitLabel: string;
  /** Resolves `true` when saved, `false` when the page took over (a conflict); throws any other refusal. */
  onSave: (input: StagePlanInput) => Promise<boolean>;
  onCancel: () => void;
}

const statusOptions: { value: PlannedActivityStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

/** The plan of one stage: goals with an indicator and target date, planned minutes per component, planned activities. */
export function StagePlanForm({
  engagementId,
  stageId,
  model,
  people,
  myUserId,
  initialValues,
  submitLabel,
  onSave,
  onCancel,
}: StagePlanFormProps) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<PlanFormErrors>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  const componentOptions = model.components.map((c) => ({ value: c.id, label: c.name }));
  const activityOptions = [
    { group: 'Free text', items: [{ value: '', label: 'Free text (write it below)' }] },
    ...model.components.map((c) => ({
      group: c.name,
      items: c.activities.map((a) => ({ value: `${c.id}/${a.id}`, label: a.label })),
    })),
  ];
  const ownerOptions = people.map((p) => ({
    value: p.userId,
    label: p.userId === myUserId ? `${p.name} (you)` : p.name,
  }));

  const setList = <K extends keyof PlanFormValues>(list: K, rows: PlanFormValues[K]) =>
    setValues((current) => ({ ...current, [list]: rows }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const checked = StagePlanInput.safeParse(planInputOf(values, engagementId, stageId));
    if (!checked.success) {
      setErrors(planFormErrors(checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(checked.data);
    } catch (error) {
      const placed = planFormErrors(isApiError(error) ? error.details : []);
      setErrors({ ...placed, form: placed.form ?? errorMessageOf(error) });
    } finally {
      setSaving(false);
    }
  };
  const fieldsInError = Object.keys(errors).filter((key) => key !== 'form').length;

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-label="Stage plan">
      <Stack gap="lg">
        <Fieldset legend="Goals">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              What the stage aims at, how you will know (the indicator) and by when.
            </Text>
            <RepeatedRows
              rows={values.goals}
              onChange={(rows) => setList('goals', rows)}
              newRow={emptyGoal}
              addLabel="Add goal"
              removeLabel={(index) => `Remove goal ${index + 1}`}
              renderRow={(goal, { index, update, removeButton }) => (
                <RowFields>
                  <TextInput
                    label={`Goal ${index + 1}`}
                    value={goal.text}
                    onChange={(e) => update({ text: e.currentTarget.value })}
                    error={errors[`goals.${index}.text`]}
                    style={{ flex: '2 1 220px' }}
                  />
                  <TextInput
                    label="Indicator"
                    description="How progress is measured."
                    value={goal.indicator}
                    onChange={(e) => update({ indicator: e.currentTarget.value })}
                    error={errors[`goals.${index}.indicator`]}
                    style={{ flex: '2 1 200px' }}
                  />
                  <TextInput
                    type="date"
                    label="Target date"
                    value={goal.targetDate}
                    onChange={(e) => update({ targetDate: e.currentTarget.value })}
                    error={errors[`goals.${index}.targetDate`]}
                    style={{ flex: '1 1 150px' }}
                  />
                  {removeButton}
                </RowFields>
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Planned emphasis">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Which components you mean to use in this stage, and about how many minutes a month.
            </Text>
            <RepeatedRows
              rows={values.emphasis}
              onChange={(rows) => setList('emphasis', rows)}
              newRow={emptyEmphasis}
              addLabel="Add component"
              removeLabel={(index) => `Remove component ${index + 1}`}
              renderRow={(entry, { index, update, removeButton }) => (
                <RowFields>
                  <Select
                    label={`Component ${index + 1}`}
                    data={componentOptions}
                    value={entry.componentId || null}
                    onChange={(value) => update({ componentId: value ?? '' })}
                    error={errors[`emphasis.${index}.componentId`]}
                    searchable
                    style={{ flex: '2 1 220px' }}
                  />
                  <NumberInput
                    label="Minutes a month"
                    value={entry.minutesPerMonth}
                    onChange={(value) => update({ minutesPerMonth: typeof value === 'number' ? value : '' })}
                    error={errors[`emphasis.${index}.minutesPerMonth`]}
                    min={0}
                    allowDecimal={false}
                    style={{ flex: '1 1 140px' }}
                  />
                  {removeButton}
                </RowFields>
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Planned activities">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              A practice activity of the model or your own words, who owns it and when it is due.
            </Text>
            <RepeatedRows
              rows={values.activities}
              onChange={(rows) => setList('activities', rows)}
              newRow={() => emptyActivity(myUserId)}
              addLabel="Add activity"
              removeLabel={(index) => `Remove activity ${index + 1}`}
              renderRow={(activity, { index, update, removeButton }) => (
                <Stack gap={4}>
                  <RowFields>
                    <Select
                      label={`Activity ${index + 1}`}
                      data={activityOptions}
                      value={activity.activityKey}
                      onChange={(value) => update({ activityKey: value ?? '' })}
                      error={errors[`activities.${index}.activityKey`]}
                      searchable
                      style={{ flex: '2 1 240px' }}
                    />
                    <TextInput
                      label={activity.activityKey ? 'Note (optional)' : 'What is to be done'}
                      value={activity.text}
                      onChange={(e) => update({ text: e.currentTarget.value })}
                      error={errors[`activities.${index}.text`]}
                      style={{ flex: '2 1 220px' }}
                    />
                  </RowFields>
                  <RowFields>
                    <Select
                      label="Owner"
                      data={ownerOptions}
                      value={activity.ownerId || null}
                      onChange={(value) => update({ ownerId: value ?? '' })}
                      error={errors[`activities.${index}.ownerId`]}
                      searchable
                      style={{ flex: '2 1 180px' }}
                    />
                    <TextInput
                      type="date"
                      label="Due date"
                      value={activity.dueDate}
                      onChange={(e) => update({ dueDate: e.currentTarget.value })}
                      error={errors[`activities.${index}.dueDate`]}
                      style={{ flex: '1 1 150px' }}
                    />
                    <Select
                      label="Status"
                      data={statusOptions}
                      value={activity.status}
                      onChange={(value) => update({ status: (value ?? 'planned') as PlannedActivityStatus })}
                      error={errors[`activities.${index}.status`]}
                      allowDeselect={false}
                      style={{ flex: '1 1 120px' }}
                    />
                    {removeButton}
                  </RowFields>
                </Stack>
              )}
            />
          </Stack>
        </Fieldset>

        {(errors.form || fieldsInError > 0) && (
          <Alert color="red" role="alert" data-form-error title="The plan was not saved">
            {errors.form ??
              `${fieldsInError === 1 ? 'One field needs' : `${fieldsInError} fields need`} a change; see the messages beside them.`}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
