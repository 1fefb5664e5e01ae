import { PasswordInput } from '@mantine/core';
import type { PasswordInputProps } from '@mantine/core';

/**
 * Mantine's password input, also marked `aria-invalid` while it shows an error: its inner input
 * does not get the attribute by itself, and screen readers rely on it.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} aria-invalid={props.error ? true : undefined} />;
}
