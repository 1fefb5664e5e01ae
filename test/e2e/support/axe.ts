import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now, one line
 * each. axe is evaluated through the debugging protocol, which the page's content security policy
 * does not govern, so the app's policy stays as strict as it is in production. `within` limits the check
 * to the elements a CSS selector matches (e.g. an open dialog, whose backdrop dims the page behind it).
 */
export async function seriousAccessibilityViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    // Only violations are wanted; skipping the passes and incomplete results makes a run several times faster.
    return (await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] })).violations;
  }, within)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => `${n.html} [${n.failureSummary ?? ''}]`).join(', ')}`,
    );
}
