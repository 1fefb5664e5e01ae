import { ActionIcon, Group, Popover, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { glossary } from './glossary.ts';
import type { GlossaryTerm } from './glossary.ts';

/** A small "?" beside a term that opens its plain explanation; a button, so it works by keyboard, touch and screen reader. */
export function HelpTip({ term }: { term: GlossaryTerm }) {
  return (
    <Popover width={280} withArrow shadow="md" position="bottom" trapFocus={false} returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" radius="xl" aria-label={`What is ${term}?`}>
          <IconHelpCircle size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown role="note" aria-label={`About ${term}`}>
        <Text size="sm">{glossary[term]}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A title or label followed by the help tips of the terms it uses. */
export function WithHelp({ terms, children }: { terms: readonly GlossaryTerm[]; children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" align="center">
      {children}
      {terms.map((term) => (
        <HelpTip key={term} term={term} />
      ))}
    </Group>
  );
}
