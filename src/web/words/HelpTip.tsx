import { ActionIcon, Popover, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
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
