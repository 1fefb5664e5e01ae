import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons for the page's main actions, placed beside the title. */
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md">
      <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {title}
        </Title>
        {/* A description may cite a long address (a DOI): it breaks rather than widen a phone's page. */}
        {description && (
          <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
