import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Contact, Interaction } from '../../domain/support/schemas.ts';
import type { ModelVocabulary } from '../api/support.ts';
import { modeLabel } from '../engagements/model-names.ts';
import { formatDate } from '../format.ts';
import { readableValue } from '../history/readable-change.ts';

interface InteractionDetailsProps {
  interaction: Interaction;
  model: ModelVocabulary | undefined;
  contacts: Contact[];
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** Everything recorded about one interaction, with names from the model version it was recorded under. */
export function InteractionDetails({ interaction, model, contacts }: InteractionDetailsProps) {
  const component = (id: string) => model?.components.find((c) => c.id === id);
  const contactName = (id: string) => contacts.find((contact) => contact.id === id)?.name;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
          <Field label="Date">
            {formatDate(interaction.date)} {interaction.time ?? ''}
          </Field>
          <Field label="Duration">{interaction.durationMinutes} min</Field>
          <Field label="Mode">{modeLabel(interaction.mode)}</Field>
          <Field label="Stage">
            {interaction.stageId
              ? (model?.stages.find((s) => s.id === interaction.stageId)?.name ?? interaction.stageId)
              : '—'}
          </Field>
          <Field label="Participants">{readableValue(interaction.participants, contactName)}</Field>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="used-components">
        <Title order={2} fz="md" mb="sm" id="used-components">
          Components
        </Title>
        <Stack gap="sm">
          {interaction.components.map((use) => {
            const definition = component(use.componentId);
            return (
              <div key={use.componentId}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {definition?.name ?? use.componentId}
                  </Text>
                  <Badge variant="light">{use.minutes} min</Badge>
                </Group>
                <Group gap={4} mt={4}>
                  {use.activityIds.map((activityId) => (
                    <Badge key={activityId} variant="outline" color="gray" tt="none" fw={400}>
                      {definition?.activities.find((activity) => activity.id === activityId)?.label ?? activityId}
                    </Badge>
                  ))}
                </Group>
              </div>
            );
          })}
          {interaction.components.length === 0 && (
            <Text c="dimmed" size="sm">
              No components recorded.
            </Text>
          )}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" mb="sm">
            Principles
          </Title>
          <Group gap={6}>
            {interaction.principles.map((use) => (
              <Badge key={use.principleId} color="teal" variant="light" tt="none">
                {model?.principles.find((p) => p.id === use.principleId)?.name ?? use.principleId}
                {use.rating !== null ? ` · ${use.rating}/5` : ''}
              </Badge>
            ))}
            {interaction.principles.length === 0 && (
              <Text c="dimmed" size="sm">
                None recorded.
              </Text>
            )}
          </Group>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" mb="sm">
            Next steps
          </Title>
          {interaction.nextSteps.length === 0 ? (
            <Text c="dimmed" size="sm">
              None recorded.
            </Text>
          ) : (
            <Stack gap={4}>
              {interaction.nextSteps.map((step, index) => (
                <Text key={index} size="sm" td={step.done ? 'line-through' : undefined}>
                  {readableValue(step)}
                </Text>
              ))}
            </Stack>
          )}
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} fz="md" mb="sm">
          Notes
        </Title>
        {/* Notes are plain text: rendered as text, never as markup. */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {interaction.notes || '—'}
        </Text>
      </Paper>
    </Stack>
  );
}
