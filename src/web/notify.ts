import type { ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { errorMessageOf } from './api/client.ts';

/** Every notification's close button carries a name, so screen readers can say what it does. */
const closeButtonProps = { 'aria-label': 'Close the notification' };

/** Shows a notification: the one way the app shows them. */
export function notify(options: { color: 'teal' | 'red'; title?: string; message: ReactNode }): void {
  notifications.show({ ...options, closeButtonProps });
}

/** Confirms that something the person asked for is done. */
export function notifyDone(message: string): void {
  notify({ color: 'teal', message });
}

/** Says that an action failed, and why. */
export function notifyFailure(title: string, error: unknown): void {
  notify({ color: 'red', title, message: errorMessageOf(error) });
}
