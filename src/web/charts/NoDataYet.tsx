import { Center, Text } from '@mantine/core';

/** Stands in for a chart or table with nothing to show: says so, and what would fill it, instead of empty axes. */
export function NoDataYet({ children, height = 160 }: { children: string; height?: number }) {
  return (
    <Center
      mih={height}
      p="md"
      bd="1px dashed var(--mantine-color-gray-4)"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      data-testid="no-data-yet"
    >
      <Text size="sm" c="dimmed" ta="center" maw={360}>
        {children}
      </Text>
    </Center>
  );
}
