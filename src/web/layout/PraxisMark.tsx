import { Anchor, Group, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';

/** The product name in the header; leads home. */
export function PraxisMark() {
  return (
    <Anchor component={Link} to="/" c="inherit" underline="never" aria-label="Praxis home">
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={30} radius="md" aria-hidden>
          <Text fw={800} fz="md" c="white" lh={1}>
            P
          </Text>
        </ThemeIcon>
        <Text fw={700} fz="lg">
          Praxis
        </Text>
      </Group>
    </Anchor>
  );
}
