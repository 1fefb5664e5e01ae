import { Alert, Button, Center, Stack } from '@mantine/core';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface AppErrorBoundaryState {
  error: Error | null;
}

/** A last resort: a fault in a page shows a message and a way out instead of a blank screen. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): AppErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Praxis page failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Center mih="60vh" p="md">
        <Stack maw={480} w="100%">
          <Alert color="red" title="This page stopped working" role="alert">
            Something unexpected went wrong. Reloading usually helps; nothing you saved is lost.
          </Alert>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Center>
    );
  }
}
