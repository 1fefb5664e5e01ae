import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { GlossaryTerm } from '../words/glossary.ts';
import { HelpTip } from '../words/HelpTip.tsx';

/** One headline figure of a page (a count, a total), with its label and an optional detail line. */
export function FigureCard({
  label,
  value,
  detail,
  help,
}: {
  label: string;
  value: ReactNode;
  detail?: string | undefined;
  /** A term of the glossary the label uses, explained by a help tip beside it. */
  help?: GlossaryTerm | undefined;
}) {
  return (
    <Paper withBorder p="md" radius="md" role="group" aria-label={label}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {label}
        </Text>
        {help && <HelpTip term={help} />}
      </Group>
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
