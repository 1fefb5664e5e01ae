import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface FeatureCardProps {
  to: string;
  title: string;
  description: string;
  icon: ReactNode;
}

/** One place to go from the home page; the whole card is the link. */
export function FeatureCard({ to, title, description, icon }: FeatureCardProps) {
  return (
    <Card component={Link} to={to} withBorder radius="md" padding="md">
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={40} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <div>
          <Text fw={600}>{title}</Text>
          <Text fz="sm" c="dimmed">
            {description}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
