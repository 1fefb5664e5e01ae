import { notifications } from '@mantine/notifications';
import { errorMessageOf } from './api/client.ts';

/** Confirms that something the person asked for is done. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'teal', message });
}

/** Says that an action failed, and why. */
export function notifyFailure(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: errorMessageOf(error) });
}
