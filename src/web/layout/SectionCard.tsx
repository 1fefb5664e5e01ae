import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled panel of a page, e.g. one form of the profile. */
export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" component="section">
      <Stack>
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
