import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Person } from '../../domain/accounts/schemas.ts';
import type { ModelSummary } from '../../domain/models.ts';
import { EngagementInput } from '../../domain/support/schemas.ts';
import type { Partner } from '../../domain/support/schemas.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { localDate } from '../interactions/interaction-form.ts';
import { useFocusFirstError } from '../forms/useFocusFirstError.ts';
import { useModelVocabulary } from './engagement-hooks.ts';
import { engagementFormErrors, modelChoice, splitModelChoice, toEngagementInput } from './engagement-form.ts';
import type { EngagementFormErrors, EngagementFormValues } from './engagement-form.ts';

interface EngagementFormProps {
  orgId: string;
  initialValues: EngagementFormValues;
  partners: Partner[];
  people: Person[];
  models: ModelSummary[];
  submitLabel: string;
  /** Resolves `true` when saved, `false` when the page took over (a stale version); throws a refusal. */
  onSave: (input: EngagementInput) => Promise<boolean>;
  onCancel: () => void;
}

/** Creates or edits an engagement: partner, support team, dates, practice model, dated stages and goals. */
export function EngagementForm({
  orgId,
  initialValues,
  partners,
  people,
  models,
  submitLabel,
  onSave,
  onCancel,
}: EngagementFormProps) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<EngagementFormErrors>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);
  const set = <K extends keyof EngagementFormValues>(field: K, value: EngagementFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const vocabulary = useModelVocabulary(orgId, values.model ? splitModelChoice(values.model) : undefined);
  const stages = vocabulary.data?.stages ?? [];

  const modelOptions = models.flatMap((model) =>
    model.versions.map((version) => ({
      value: modelChoice(model.id, version.version),
      label: `${model.name} ${version.version}`,
    })),
  );
  if (values.model && !modelOptions.some((option) => option.value === values.model))
    modelOptions.push({ value: values.model, label: values.model });
  // Everyone on the team stays listed, even someone who has since left the organization.
  const personOptions = people.map((person) => ({ value: person.userId, label: person.name }));
  for (const userId of values.supportTeam)
    if (!people.some((person) => person.userId === userId))
      personOptions.push({ value: userId, label: `Former member (${userId})` });

  const setStage = (index: number, change: Partial<EngagementFormValues['stages'][number]>) =>
    set(
      'stages',
      values.stages.map((stage, i) => (i === index ? { ...stage, ...change } : stage)),
    );
  const addStage = () => {
    const last = values.stages.at(-1);
    const next = stages[stages.findIndex((stage) => stage.id === last?.stageId) + 1] ?? stages[0];
    set('stages', [
      ...values.stages,
      { stageId: next?.id ?? '', startedOn: last ? localDate(new Date()) : values.startDate },
    ]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const checked = EngagementInput.safeParse(toEngagementInput(values));
    if (!checked.success) {
      setErrors(
        engagementFormErrors(
          checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        ),
      );
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(checked.data);
    } catch (error) {
      const found = engagementFormErrors(isApiError(error) ? error.details : []);
      setErrors({ ...found, form: found.form ?? errorMessageOf(error) });
    } finally {
      setSaving(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <TextInput
              label="Name"
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label="Partner"
                required
                searchable
                data={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
                value={values.partnerId || null}
                onChange={(partnerId) => set('partnerId', partnerId ?? '')}
                error={errors.partnerId}
                nothingFoundMessage="No partner of that name"
              />
              <Select
                label="Practice model"
                required
                data={modelOptions}
                value={values.model || null}
                onChange={(model) => set('model', model ?? '')}
                allowDeselect={false}
                error={errors.model}
                description="Interactions are recorded against this version."
              />
              <TextInput
                type="date"
                label="Start date"
                required
                value={values.startDate}
                onChange={(e) => set('startDate', e.currentTarget.value)}
                error={errors.startDate}
              />
              <TextInput
                type="date"
                label="End date"
                description="Leave empty while support continues."
                value={values.endDate}
                onChange={(e) => set('endDate', e.currentTarget.value)}
                error={errors.endDate}
              />
            </SimpleGrid>
            <MultiSelect
              label="Support team"
              description="The implementation support practitioners who work with this partner."
              searchable
              data={personOptions}
              value={values.supportTeam}
              onChange={(supportTeam) => set('supportTeam', supportTeam)}
              error={errors.supportTeam}
              nothingFoundMessage="No member of that name"
            />
            <Textarea
              label="Goals"
              description="One goal per line."
              autosize
              minRows={2}
              maxRows={8}
              value={values.goals}
              onChange={(e) => set('goals', e.currentTarget.value)}
              error={errors.goals}
            />
          </Stack>
        </Paper>

        <Stack gap="sm" component="section" aria-labelledby="stages-heading">
          <Group justify="space-between" align="baseline">
            <Title order={2} fz="lg" id="stages-heading">
              Stages
            </Title>
            <Text size="sm" c="dimmed">
              Oldest first; the last is the current stage.
            </Text>
          </Group>
          {errors.stages && (
            <Alert color="red" p="xs">
              {errors.stages}
            </Alert>
          )}
          {values.stages.length === 0 && (
            <Text size="sm" c="dimmed">
              No stage recorded yet.
            </Text>
          )}
          {values.stages.map((stage, index) => (
            <Group key={index} gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={`Stage ${index + 1}`}>
              <Select
                label={`Stage ${index + 1}`}
                data={stages.map((option) => ({ value: option.id, label: option.name }))}
                value={stage.stageId || null}
                onChange={(stageId) => setStage(index, { stageId: stageId ?? '' })}
                allowDeselect={false}
                error={errors[`stages.${index}.stageId`]}
                style={{ flex: '1 1 220px' }}
              />
              <TextInput
                type="date"
                label="From"
                value={stage.startedOn}
                onChange={(e) => setStage(index, { startedOn: e.currentTarget.value })}
                error={errors[`stages.${index}.startedOn`]}
                style={{ flex: '0 1 170px' }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                size="lg"
                aria-label={`Remove stage ${index + 1}`}
                onClick={() =>
                  set(
                    'stages',
                    values.stages.filter((_, i) => i !== index),
                  )
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={addStage}
              disabled={stages.length === 0}
            >
              Add a stage
            </Button>
          </div>
        </Stack>

        {hasErrors && (
          <Alert color="red" title="Not saved" role="alert">
            {errors.form ?? 'Please correct the fields marked in red.'}
          </Alert>
        )}
        <FormActions submitLabel={submitLabel} pending={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
