import { Center, Loader } from '@mantine/core';

export function LoadingPage() {
  return (
    <Center mih="50vh" role="status" aria-live="polite">
      <Loader role="status" aria-label="Loading" />
    </Center>
  );
}
