import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** True below the `sm` breakpoint, where the navigation collapses and tables become lists. */
export function usePhoneLayout(): boolean {
  const theme = useMantineTheme();
  return Boolean(useMediaQuery(`(width < ${theme.breakpoints.sm})`, false, { getInitialValueInEffect: false }));
}
