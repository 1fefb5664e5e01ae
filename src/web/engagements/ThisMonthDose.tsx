import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { EngagementOverview } from '../../domain/support/views.ts';

/** This month's minutes against the engagement's usual month (the mean of the months compared). */
export function ThisMonthDose({ thisMonth }: { thisMonth: EngagementOverview['thisMonth'] }) {
  const usual = thisMonth.usualMinutes;
  const percent =
    usual && usual > 0 ? Math.min(100, (thisMonth.minutes / usual) * 100) : thisMonth.minutes > 0 ? 100 : 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          This month ({thisMonth.calendarMonth})
        </Text>
        <Group gap={6} align="baseline">
          <Text fz={28} fw={700} lh={1}>
            {thisMonth.minutes}
          </Text>
          <Text c="dimmed" size="sm">
            min in {thisMonth.interactions} {thisMonth.interactions === 1 ? 'interaction' : 'interactions'}
          </Text>
        </Group>
        <Progress
          value={percent}
          aria-label="This month's minutes as a share of the usual month"
          color={usual !== null && thisMonth.minutes > usual ? 'orange' : 'blue'}
        />
        <Text size="xs" c="dimmed">
          {usual === null
            ? 'No earlier months to compare with yet.'
            : `Usual: ${Math.round(usual)} min a month (median of the last ${thisMonth.monthsCompared} months).`}
        </Text>
      </Stack>
    </Paper>
  );
}
