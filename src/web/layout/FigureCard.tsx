import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline figure of a page (a count, a total), with its label and an optional detail line. */
export function FigureCard({ label, value, detail }: { label: string; value: ReactNode; detail?: string | undefined }) {
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}
