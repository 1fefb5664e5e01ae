import { EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a page shows instead of an empty table: what is missing and what to do about it. */
export function EmptyPanel({ icon, title, description }: { icon: ReactNode; title: string; description: string }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState icon={icon} withIndicatorBackground title={title} description={description} />
    </Paper>
  );
}
