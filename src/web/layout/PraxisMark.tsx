import { Anchor, Group, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';

/** The product name in the header; leads home. Its name is its visible word, so speech input can say what it sees. */
export function PraxisMark() {
  return (
    <Anchor component={Link} to="/" c="inherit" underline="never">
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
