import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  Kbd,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { Contact, InteractionInput, InteractionMode } from '../../domain/support/schemas.ts';
import { InteractionInput as InteractionInputSchema, interactionModes } from '../../domain/support/schemas.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { sentenceCase } from '../engagements/model-names.ts';
import { useFocusFirstError } from '../forms/useFocusFirstError.ts';
import { countOf } from '../../domain/count-of.ts';
import { ComponentRow } from './ComponentRow.tsx';
import { DraftNotice } from './DraftNotice.tsx';
import {
  componentMinutesTotal,
  interactionFormErrors,
  minutesOverDuration,
  orderedComponents,
  toInteractionInput,
} from './interaction-form.ts';
import type { InteractionFormErrors, InteractionFormValues, ModelSummary } from './interaction-form.ts';
import { NextStepsField } from './NextStepsField.tsx';
import { ParticipantsField } from './ParticipantsField.tsx';
import { PrinciplesField } from './PrinciplesField.tsx';
import { useInteractionDraft } from './useInteractionDraft.ts';

export const modeLabels: Record<InteractionMode, string> = {
  'in-person': 'In person',
  video: 'Video',
  phone: 'Phone',
  email: 'Email',
  other: 'Other',
};

interface LogInteractionFormProps {
  engagementId: string;
  model: ModelSummary;
  contacts: Contact[];
  initialValues: InteractionFormValues;
  draftKey: string;
  /** For an edit, the version being edited. */
  baseVersion: number | null;
  submitLabel: string;
  /** Sends the interaction; resolves `true` when saved (the draft is then cleared), `false` when the page took over (a conflict). */
  onSave: (input: InteractionInput) => Promise<boolean>;
}

/** The log-interaction form: fast to fill from the keyboard, safe against reloads, and exact about what is wrong. */
export function LogInteractionForm({
  engagementId,
  model,
  contacts,
  initialValues,
  draftKey,
  baseVersion,
  submitLabel,
  onSave,
}: LogInteractionFormProps) {
  const { values, setValues, restored, discard, forget } = useInteractionDraft(draftKey, initialValues, baseVersion);
  const [errors, setErrors] = useState<InteractionFormErrors>({});
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, errors);

  const set = <K extends keyof InteractionFormValues>(field: K, value: InteractionFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const { emphasized, others } = useMemo(() => orderedComponents(model, values.stageId), [model, values.stageId]);
  // Components the stage does not emphasize wait behind a disclosure, unless they are already in use.
  const [othersShown, { toggle: toggleOthers }] = useDisclosure(false);
  const othersInUse = others.filter((component) => values.components[component.id] !== undefined);
  const othersUnused = others.filter((component) => values.components[component.id] === undefined);
  const groupName = (groupId: string) =>
    sentenceCase(model.componentGroups.find((group) => group.id === groupId)?.name ?? groupId);
  const total = componentMinutesTotal(values);
  const over = minutesOverDuration(values);
  const duration = typeof values.durationMinutes === 'number' ? values.durationMinutes : 0;
  const unassigned = Math.max(0, duration - total);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const input = toInteractionInput(values, engagementId, model);
    const checked = InteractionInputSchema.safeParse(input);
    if (!checked.success) {
      setErrors(
        interactionFormErrors(
          checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
          input,
        ),
      );
      return;
    }
    if (over > 0) {
      setErrors({ components: `Component minutes (${total}) exceed the duration (${duration}).` });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      if (await onSave(checked.data)) forget();
    } catch (error) {
      const details = isApiError(error) ? error.details : [];
      setErrors({ ...interactionFormErrors(details, input), form: errorMessageOf(error) });
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const componentList = (components: ModelSummary['components']) =>
    components.map((component) => (
      <ComponentRow
        key={component.id}
        component={component}
        groupName={groupName(component.group)}
        entry={values.components[component.id]}
        errors={errors}
        onChange={(entry) =>
          setValues((current) => {
            const next = { ...current.components };
            if (entry === undefined) delete next[component.id];
            else next[component.id] = entry;
            return { ...current, components: next };
          })
        }
      />
    ));

  const errorSummary = Object.entries(errors);
  const fieldsInError = errorSummary.filter(([field]) => field !== 'form').length;

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void submit(event)}
      onKeyDown={onKeyDown}
      noValidate
      aria-label="Log interaction"
    >
      <Stack gap="lg">
        {restored && <DraftNotice savedAt={restored.savedAt} onDiscard={discard} />}

        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
            <TextInput
              type="date"
              label="Date"
              value={values.date}
              onChange={(e) => set('date', e.currentTarget.value)}
              error={errors.date}
              required
            />
            <TextInput
              type="time"
              label="Time"
              value={values.time}
              onChange={(e) => set('time', e.currentTarget.value)}
              error={errors.time}
            />
            <NumberInput
              label="Duration (minutes)"
              value={values.durationMinutes}
              onChange={(next) => set('durationMinutes', typeof next === 'number' ? next : '')}
              min={1}
              max={1440}
              step={5}
              allowDecimal={false}
              error={errors.durationMinutes}
              required
            />
            <Select
              label="Mode"
              data={interactionModes.map((mode) => ({ value: mode, label: modeLabels[mode] }))}
              value={values.mode}
              onChange={(mode) => mode && set('mode', mode as InteractionMode)}
              allowDeselect={false}
              error={errors.mode}
            />
            <Select
              label="Stage"
              data={model.stages.map((stage) => ({ value: stage.id, label: stage.name }))}
              value={values.stageId || null}
              onChange={(stageId) => set('stageId', stageId ?? '')}
              clearable
              error={errors.stageId}
            />
          </SimpleGrid>
        </Paper>

        <Stack gap="sm" component="section" aria-labelledby="components-heading">
          <Group justify="space-between" align="baseline">
            <Title order={2} fz="lg" id="components-heading">
              Components used
            </Title>
            <Badge
              size="lg"
              variant="light"
              color={over > 0 ? 'red' : total === duration && total > 0 ? 'teal' : 'gray'}
              aria-live="polite"
            >
              {total} of {duration} min
            </Badge>
          </Group>
          {errors.components && (
            <Alert color="red" p="xs" tabIndex={-1} data-form-error>
              {errors.components}
            </Alert>
          )}
          {over > 0 && !errors.components && (
            <Text size="sm" c="red.8">
              {countOf(over, 'minute')} over the duration: shorten a component or lengthen the interaction.
            </Text>
          )}
          {unassigned > 0 && (
            <Text size="sm" data-testid="unassigned-minutes">
              {countOf(unassigned, 'minute')} of the {duration} {unassigned === 1 ? 'is' : 'are'} not assigned to a
              component. You can still save.
            </Text>
          )}
          {emphasized.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              Emphasized in this stage
            </Text>
          )}
          {componentList(emphasized)}
          {othersInUse.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
              Also used
            </Text>
          )}
          {componentList(othersInUse)}
          {othersUnused.length > 0 && (
            <div>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={toggleOthers}
                aria-expanded={othersShown}
                aria-controls="other-components"
                leftSection={
                  othersShown ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
                }
              >
                {othersShown
                  ? `Hide the ${countOf(othersUnused.length, 'other component')}`
                  : emphasized.length > 0
                    ? `Show ${countOf(othersUnused.length, 'other component')}`
                    : `Show ${countOf(othersUnused.length, 'component')}`}
              </Button>
            </div>
          )}
          <Stack gap="sm" id="other-components" hidden={!othersShown}>
            {othersShown && componentList(othersUnused)}
          </Stack>
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="principles-heading">
          <Title order={2} fz="lg" id="principles-heading">
            Principles applied
          </Title>
          <PrinciplesField
            principles={model.principles}
            value={values.principles}
            onChange={(principles) => set('principles', principles)}
            errors={errors}
          />
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="participants-heading">
          <Title order={2} fz="lg" id="participants-heading">
            Participants
          </Title>
          <ParticipantsField
            counts={values.counts}
            contactIds={values.contactIds}
            contacts={contacts}
            onCountsChange={(counts) => set('counts', counts)}
            onContactsChange={(contactIds) => set('contactIds', contactIds)}
            error={errors.participants}
          />
        </Stack>

        <Textarea
          label="Notes"
          description="Plain text; shown exactly as written."
          autosize
          minRows={3}
          maxRows={12}
          value={values.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={errors.notes}
        />

        <Stack gap="sm" component="section" aria-labelledby="next-steps-heading">
          <Title order={2} fz="lg" id="next-steps-heading">
            Next steps
          </Title>
          <NextStepsField value={values.nextSteps} onChange={(steps) => set('nextSteps', steps)} errors={errors} />
        </Stack>

        <Divider />
        {errorSummary.length > 0 && (
          <Alert color="red" title="Not saved" role="alert" tabIndex={-1} data-form-error>
            {fieldsInError > 0
              ? `Correct the ${countOf(fieldsInError, 'field')} marked in red; the first is selected.`
              : errors.form}
          </Alert>
        )}
        <Group
          justify="space-between"
          style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingBlock: 8, zIndex: 2 }}
        >
          <Text size="sm" c="dimmed" visibleFrom="sm">
            <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> saves from anywhere in the form
          </Text>
          <Button
            type="submit"
            loading={saving}
            disabled={over > 0}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
