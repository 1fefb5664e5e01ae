import { Center, Loader } from '@mantine/core';

export function LoadingPage() {
  return (
    <Center mih="50vh" role="status" aria-live="polite">
      <Loader aria-label="Loading" />
    </Center>
  );
}
