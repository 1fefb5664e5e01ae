import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { can } from '../../domain/accounts/policy.ts';
import {
  covariateLabels,
  groupTests,
  hypothesisCovariates,
  hypothesisDirections,
  hypothesisTests,
  regressionTests,
  testLabels,
  type HypothesisCovariate,
  type HypothesisRegistrationInput,
  type HypothesisTest,
} from '../../domain/hypotheses/registration.ts';
import type { PracticeModel } from '../../model/schema.ts';
import { errorMessageOf, isApiError } from '../api/client.ts';
import { getPracticeModel } from '../api/practice-model-documents.ts';
import { listPracticeModels } from '../api/practice-models.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { notifyDone } from '../notify.ts';
import { organizationPath } from '../organizations/organization-paths.ts';
import { useOrganization } from '../organizations/useCurrentOrganization.ts';
import { queryKeys } from '../query-keys.ts';
import { hypothesisKeys, registerHypothesis } from './hypotheses-api.ts';

type Draft = Omit<HypothesisRegistrationInput, 'predictor' | 'outcome'> & {
  predictor: {
    components: string[];
    measure: 'minutes' | 'interactions';
    months: { from: number; to: number };
    cutpoints: string;
  };
  outcome: { outcomeId: string; level: string; measure: 'score' | 'change'; atMonth: number; toleranceMonths: number };
};

const emptyDraft = (model: { id: string; version: string }): Draft => ({
  title: '',
  statement: '',
  model,
  linkId: '',
  predictor: { components: [], measure: 'minutes', months: { from: 1, to: 6 }, cutpoints: '' },
  outcome: { outcomeId: '', level: 'individual', measure: 'change', atMonth: 6, toleranceMonths: 1 },
  direction: 'positive',
  test: 'spearman',
  covariates: [],
  alpha: 0.05,
});

/** What the server receives: cutpoints as numbers, covariates only where the test takes them. */
export function registrationOf(draft: Draft): HypothesisRegistrationInput {
  const cutpoints = draft.predictor.cutpoints
    .split(/[,;\s]+/)
    .filter((c) => c !== '')
    .map(Number);
  return {
    ...draft,
    predictor: { ...draft.predictor, cutpoints: groupTests.includes(draft.test) ? cutpoints : [] },
    outcome: { ...draft.outcome, level: draft.outcome.level as HypothesisRegistrationInput['outcome']['level'] },
    covariates: regressionTests.includes(draft.test) ? draft.covariates : [],
  };
}

/** Register a hypothesis about a model link: predictor window, outcome, level, test, covariates and alpha, before any result is seen. */
export default function RegisterHypothesisPage() {
  const organization = useOrganization();
  usePageTitle('Register a hypothesis', organization.name);
  const models = useQuery({
    queryKey: queryKeys.practiceModels(organization.id),
    queryFn: ({ signal }) => listPracticeModels(organization.id, signal),
  });
  const [modelId, setModelId] = useState<string | null>(null);
  const chosen = models.data?.find((m) => m.id === modelId) ?? models.data?.[0];
  const model = useQuery({
    queryKey: [...queryKeys.practiceModels(organization.id), chosen?.id, chosen?.version],
    queryFn: ({ signal }) => getPracticeModel(organization.id, chosen!.id, chosen!.version, signal),
    enabled: chosen !== undefined,
  });

  if (!can(organization.role, 'hypotheses.manage')) {
    return (
      <>
        <PageHeader title="Register a hypothesis" />
        <Alert color="yellow">Only researchers and administrators can register hypotheses.</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Register a hypothesis"
        description="Say what you expect before seeing any result. After locking, the registration never changes."
      />
      {models.isError && <Alert color="red">{errorMessageOf(models.error)}</Alert>}
      {models.data && (
        <Select
          label="Practice model"
          mb="md"
          maw={420}
          data={models.data.map((m) => ({ value: m.id, label: `${m.name} (${m.version})` }))}
          value={chosen?.id ?? null}
          onChange={setModelId}
          allowDeselect={false}
        />
      )}
      {model.isPending ? (
        <Loader role="status" aria-label="Loading the model" />
      ) : model.isError ? (
        <Alert color="red">{errorMessageOf(model.error)}</Alert>
      ) : (
        <RegistrationForm key={`${model.data.id}@${model.data.version}`} model={model.data} />
      )}
    </>
  );
}

function RegistrationForm({ model }: { model: PracticeModel }) {
  const organization = useOrganization();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft({ id: model.id, version: model.version }));
  const names = new Map<string, string>(
    [...model.components, ...model.constructs, ...model.outcomes].map((e) => [e.id, e.name]),
  );
  const outcome = model.outcomes.find((o) => o.id === draft.outcome.outcomeId);
  const register = useMutation({
    mutationFn: () => registerHypothesis(organization.id, registrationOf(draft)),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: hypothesisKeys.all(organization.id) });
      notifyDone('Registered as a draft');
      await navigate(organizationPath(organization.id, `hypotheses/${created.id}`));
    },
  });
  const fieldError = (path: string): string | undefined =>
    isApiError(register.error)
      ? register.error.details
          .filter((d) => d.path === path || d.path.startsWith(`${path}[`))
          .map((d) => d.message)
          .join('; ') || undefined
      : undefined;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPredictor = (patch: Partial<Draft['predictor']>) =>
    setDraft((d) => ({ ...d, predictor: { ...d.predictor, ...patch } }));
  const setOutcome = (patch: Partial<Draft['outcome']>) =>
    setDraft((d) => ({ ...d, outcome: { ...d.outcome, ...patch } }));

  const chooseLink = (linkId: string | null) => {
    const link = model.links.find((l) => l.id === linkId);
    if (!link) return;
    const target = model.outcomes.find((o) => o.id === link.to);
    setDraft((d) => ({
      ...d,
      linkId: link.id,
      predictor: {
        ...d.predictor,
        components: model.components.some((c) => c.id === link.from) ? [link.from] : d.predictor.components,
      },
      outcome: target ? { ...d.outcome, outcomeId: target.id, level: target.levels[0] ?? 'individual' } : d.outcome,
    }));
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        register.mutate();
      }}
      noValidate
    >
      <Stack gap="lg">
        {register.isError && (
          <Alert color="red" title="The registration was not saved">
            {errorMessageOf(register.error)}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              The hypothesis
            </Title>
            <TextInput
              label="Title"
              required
              value={draft.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={fieldError('title')}
            />
            <Textarea
              label="Statement"
              description="The hypothesis in words, as in a preregistration."
              required
              autosize
              minRows={2}
              value={draft.statement}
              onChange={(e) => set({ statement: e.currentTarget.value })}
              error={fieldError('statement')}
            />
            <Select
              label="Model link"
              searchable
              required
              data={model.links.map((l) => ({
                value: l.id,
                label: `${names.get(l.from) ?? l.from} → ${l.via ? `${names.get(l.via) ?? l.via} → ` : ''}${names.get(l.to) ?? l.to}`,
              }))}
              value={draft.linkId || null}
              onChange={chooseLink}
              error={fieldError('linkId')}
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              Predictor: support dose
            </Title>
            <MultiSelect
              label="Components"
              data={model.components.map((c) => ({ value: c.id, label: c.name }))}
              value={draft.predictor.components}
              onChange={(components) => setPredictor({ components })}
              error={fieldError('predictor.components')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Dose"
                data={[
                  { value: 'minutes', label: 'Minutes' },
                  { value: 'interactions', label: 'Interactions' },
                ]}
                value={draft.predictor.measure}
                onChange={(v) => setPredictor({ measure: (v ?? 'minutes') as 'minutes' | 'interactions' })}
                allowDeselect={false}
              />
              <NumberInput
                label="From month"
                min={1}
                value={draft.predictor.months.from}
                onChange={(v) => setPredictor({ months: { ...draft.predictor.months, from: Number(v) || 1 } })}
                error={fieldError('predictor.months.from')}
              />
              <NumberInput
                label="To month"
                min={1}
                value={draft.predictor.months.to}
                onChange={(v) => setPredictor({ months: { ...draft.predictor.months, to: Number(v) || 1 } })}
                error={fieldError('predictor.months.to')}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              Outcome
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Outcome"
                data={model.outcomes.map((o) => ({ value: o.id, label: o.name }))}
                value={draft.outcome.outcomeId || null}
                onChange={(v) =>
                  setOutcome({
                    outcomeId: v ?? '',
                    level: model.outcomes.find((o) => o.id === v)?.levels[0] ?? 'individual',
                  })
                }
                error={fieldError('outcome.outcomeId')}
              />
              <Select
                label="Level"
                data={outcome?.levels ?? ['individual', 'team', 'organization', 'system']}
                value={draft.outcome.level}
                onChange={(v) => setOutcome({ level: v ?? 'individual' })}
                allowDeselect={false}
                error={fieldError('outcome.level')}
              />
              <Select
                label="Measure"
                data={[
                  { value: 'change', label: 'Change from baseline' },
                  { value: 'score', label: 'Score at the wave' },
                ]}
                value={draft.outcome.measure}
                onChange={(v) => setOutcome({ measure: (v ?? 'change') as 'score' | 'change' })}
                allowDeselect={false}
              />
              <Group grow>
                <NumberInput
                  label="Wave in month"
                  min={1}
                  value={draft.outcome.atMonth}
                  onChange={(v) => setOutcome({ atMonth: Number(v) || 1 })}
                  error={fieldError('outcome.atMonth')}
                />
                <NumberInput
                  label="± months"
                  min={0}
                  max={6}
                  value={draft.outcome.toleranceMonths}
                  onChange={(v) => setOutcome({ toleranceMonths: Number(v) || 0 })}
                />
              </Group>
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              Test
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Test"
                data={hypothesisTests.map((t) => ({ value: t, label: testLabels[t] }))}
                value={draft.test}
                onChange={(v) => set({ test: (v ?? 'spearman') as HypothesisTest })}
                allowDeselect={false}
              />
              <Select
                label="Direction"
                data={hypothesisDirections.map((d) => ({ value: d, label: d }))}
                value={draft.direction}
                onChange={(v) => set({ direction: (v ?? 'positive') as Draft['direction'] })}
                allowDeselect={false}
                error={fieldError('direction')}
              />
              <NumberInput
                label="Alpha"
                min={0.001}
                max={0.5}
                step={0.01}
                decimalScale={3}
                value={draft.alpha}
                onChange={(v) => set({ alpha: Number(v) })}
                error={fieldError('alpha')}
              />
            </SimpleGrid>
            {groupTests.includes(draft.test) && (
              <TextInput
                label="Dose cutpoints"
                description="Registered now, never taken from the data: one cutpoint for two groups, two or more for three or more"
                placeholder="e.g. 120"
                value={draft.predictor.cutpoints}
                onChange={(e) => setPredictor({ cutpoints: e.currentTarget.value })}
                error={fieldError('predictor.cutpoints')}
              />
            )}
            {regressionTests.includes(draft.test) && (
              <Checkbox.Group
                label="Covariates"
                value={draft.covariates}
                onChange={(v) => set({ covariates: v as HypothesisCovariate[] })}
                error={fieldError('covariates')}
              >
                <Group mt="xs">
                  {hypothesisCovariates.map((c) => (
                    <Checkbox key={c} value={c} label={covariateLabels[c]} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={register.isPending}>
            Register draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
