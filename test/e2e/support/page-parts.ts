import type { Page } from 'playwright-core';

/** The page's main heading, by its exact text. */
export const mainHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
