import { Button, Drawer, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { LoadingPage } from '../layout/LoadingPage.tsx';

/** The format documentation itself (docs/import-formats.md), fetched with the page's code only when opened. */
export function FormatGuide() {
  const [opened, { open, close }] = useDisclosure(false);
  const guide = useQuery({
    queryKey: ['docs', 'import-formats'],
    queryFn: async () => (await import('../../../docs/import-formats.md?raw')).default,
    enabled: opened,
    staleTime: Infinity,
  });
  return (
    <>
      <Button variant="subtle" size="compact-sm" leftSection={<IconBook size={16} aria-hidden />} onClick={open}>
        Format documentation
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        title="Importing and exporting interactions"
        position="right"
        size="xl"
        scrollAreaComponent={ScrollArea.Autosize}
      >
        {guide.data === undefined ? (
          <LoadingPage />
        ) : (
          <pre style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)', margin: 0 }}>{guide.data}</pre>
        )}
      </Drawer>
    </>
  );
}
