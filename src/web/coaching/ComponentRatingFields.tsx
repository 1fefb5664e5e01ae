import { Paper, Radio, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  activityRatingLabels,
  activityRatings,
  qualityLabels,
  type ActivityRatingValue,
  type ComponentRating,
} from '../../domain/coaching/schemas.ts';
import type { ObservationFormView } from './coaching-api.ts';

type FormComponent = ObservationFormView['components'][number];

interface Props {
  component: FormComponent;
  rating: ComponentRating;
  onChange: (rating: ComponentRating) => void;
  /** The field path the server names in an error, e.g. `ratings[0]`. */
  errors: Record<string, string>;
  path: string;
}

/** One component's rating: its behavioral definition, each practice activity against it, a 1–5 quality, a comment. */
export function ComponentRatingFields({ component, rating, onChange, errors, path }: Props) {
  const activityRating = (activityId: string): ActivityRatingValue | undefined =>
    rating.activities.find((a) => a.activityId === activityId)?.rating;
  const setActivity = (activityId: string, value: ActivityRatingValue) =>
    onChange({
      ...rating,
      activities: [...rating.activities.filter((a) => a.activityId !== activityId), { activityId, rating: value }],
    });
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {component.name}
        </Title>
        <Text size="sm" c="dimmed">
          {component.definition}
        </Text>
        {component.activities.map((activity) => (
          <Radio.Group
            key={activity.id}
            label={activity.label}
            description={activity.description}
            value={activityRating(activity.id) ?? null}
            onChange={(value) => setActivity(activity.id, value as ActivityRatingValue)}
          >
            <Group gap="sm" mt={4}>
              {activityRatings.map((value) => (
                <Radio key={value} value={value} label={activityRatingLabels[value]} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Select
          label={`Quality of ${component.name}`}
          data={Object.entries(qualityLabels).map(([value, label]) => ({ value, label }))}
          value={rating.quality === null ? null : String(rating.quality)}
          onChange={(value) => onChange({ ...rating, quality: value === null ? null : Number(value) })}
          clearable
          error={errors[`${path}.quality`]}
        />
        <Textarea
          label={`Comment on ${component.name}`}
          autosize
          minRows={2}
          value={rating.comment}
          onChange={(event) => onChange({ ...rating, comment: event.currentTarget.value })}
        />
      </Stack>
    </Paper>
  );
}
