import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { eisToc } from '../../src/model/builtin/index.ts';
import { seriousAccessibilityViolations } from './support/axe.ts';
import { screenshotDir, useBrowserSuite } from './support/browser-suite.ts';
import { demoAdmin } from './support/demo-accounts.ts';
import { mainHeading } from './support/page-parts.ts';
import { signInToOrganization } from './support/sign-in.ts';

const docsScreenshot = path.resolve(import.meta.dirname, '../../docs/screenshot-model.png');
const demoPractitioner = 'practitioner@demo.praxis.test';
const { openPage } = useBrowserSuite();
// A loaded machine answers slowly: polls wait as long as the page's other waits.
const poll = { timeout: 20_000 };

/** Waits until the diagram is drawn on the page (laid out by the server: seconds on a busy machine), and gives its SVG. */
async function diagramLoaded(page: Page): Promise<string> {
  await page.locator('[data-testid="model-diagram"] svg').waitFor({ timeout: 60_000 });
  return page.getByTestId('model-diagram').innerHTML();
}
const diagramSvg = (page: Page) => page.getByTestId('model-diagram').innerHTML();

/** Where each drawn element of the diagram lies against the visible diagram box, in CSS pixels. */
async function elementsOutsideBox(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="model-diagram"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<SVGGElement>('[data-testid="model-diagram"] g.node')]
      .filter((node) => {
        const r = node.getBoundingClientRect();
        return (
          r.width === 0 ||
          r.left < box.left - 0.5 ||
          r.right > box.right + 0.5 ||
          r.top < box.top - 0.5 ||
          r.bottom > box.bottom + 0.5
        );
      })
      .map((node) => node.dataset.elementId ?? '?');
  });
}

/** The on-screen width of one drawn element of the diagram. */
const drawnWidth = (page: Page, elementId: string) =>
  page.evaluate(
    (id) =>
      document.querySelector(`[data-testid="model-diagram"] [data-element-id="${id}"]`)!.getBoundingClientRect().width,
    elementId,
  );

const zoomShown = (page: Page) => page.getByTestId('diagram-zoom').innerText();

const editor = (page: Page) => page.getByLabel('Model document');
const status = (page: Page) => page.locator('#model-check-status');
const issue = (page: Page, pathText: string) =>
  page.getByRole('button', { name: new RegExp(`^Error at ${pathText.replace(/[.[\]]/g, '\\$&')}:`) });

describe('practice models in Chromium', () => {
  test(
    'an administrator reads the EIS model, edits it with live validation and publishes version 1.1.0',
    { timeout: 240_000 },
    async () => {
      const page = await openPage({ width: 1280, height: 900 });
      const orgId = await signInToOrganization(page, demoAdmin);

      await page.goto(`/orgs/${orgId}/models`);
      await page.getByRole('link', { name: 'EIS theory of change', exact: true }).click();
      await page.waitForURL(`**/orgs/${orgId}/models/eis-toc`);
      await mainHeading(page, 'EIS theory of change').waitFor();
      expect(await page.title()).toMatch(/^EIS theory of change 1\.0\.0 · /);

      const main = await page.getByRole('main').innerText();
      for (const component of eisToc.components) expect(main).toContain(component.name);
      for (const principle of eisToc.principles) expect(main).toContain(principle.name);
      const statement = (await page.getByTestId('provenance-statement').innerText()).replace(/\s+/g, ' ');
      expect(statement).toMatch(/\d+ of \d+ elements of this model are stated in the source publication/);
      expect(statement).toContain("Praxis's own operationalization");

      const plainDiagram = await diagramLoaded(page);
      await page.screenshot({ path: docsScreenshot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
      expect(plainDiagram).toContain('EIS theory of change — eis-toc 1.0.0');
      expect(plainDiagram).not.toContain('Evidence status');
      await page.getByLabel('Colour links by evidence status').check();
      await expect.poll(() => diagramSvg(page), poll).toContain('Evidence status');
      await page.getByLabel('Colour links by evidence status').uncheck();
      await expect.poll(() => diagramSvg(page), poll).not.toContain('Evidence status');

      // One component opened, to show what the page tells about it.
      await page.getByRole('button', { name: /^Coaching for performance/ }).click();
      const coaching = eisToc.components.find((component) => component.id === 'coaching');
      await page.getByText(coaching?.activities[0]?.label ?? '', { exact: true }).waitFor();
      await page.locator('h4:visible', { hasText: /^Outcomes reachable along the links \(\d+\)$/ }).waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'model-page.png'), fullPage: true });

      // The editor starts from the latest version, bumped.
      await page.getByRole('link', { name: 'Edit model' }).click();
      await mainHeading(page, 'Edit EIS theory of change').waitFor();
      expect(await page.title()).toMatch(/^Edit EIS theory of change · /);
      await status(page)
        .getByText(/ready to publish/)
        .waitFor();
      const original = await editor(page).inputValue();
      expect(original).toContain('version: 1.1.0');
      expect(original).toMatch(/supersedes:\n\s+version: 1\.0\.0\n\s+idMap: \{\}/);
      const publish = page.getByRole('button', { name: 'Publish as new version' });
      expect(await publish.isEnabled()).toBe(true);

      // A duplicate activity id is reported live, with its path; choosing it selects the place in the text.
      await editor(page).fill(original.replace('- id: check-in', '- id: agree-roles'));
      const duplicate = issue(page, 'components[0].activities[1].id');
      await duplicate.waitFor();
      expect(await duplicate.innerText()).toContain('agree-roles');
      expect(await publish.isDisabled()).toBe(true);
      await page.screenshot({ path: path.join(screenshotDir, 'model-editor-error.png'), fullPage: true });
      await duplicate.click();
      const selected = await editor(page).evaluate((element: HTMLTextAreaElement) => {
        const before = element.value.slice(0, element.selectionStart);
        return {
          text: element.value.slice(element.selectionStart, element.selectionEnd),
          nextLine: element.value.slice(element.selectionEnd).split('\n')[0],
          focused: document.activeElement === element,
          before,
        };
      });
      expect(selected.focused).toBe(true);
      expect(selected.text).toBe('id');
      expect(selected.nextLine).toBe(': agree-roles');
      expect(selected.before.match(/- id: agree-roles/g)).toHaveLength(1);

      // Fixed: valid again.
      await editor(page).fill(original);
      await status(page)
        .getByText(/ready to publish/)
        .waitFor();

      // A renamed component id without a mapping: the server's successor check names the id.
      const renamed = original.replace(/(?<![\w-])teaching(?![\w-])/g, 'instructing');
      await editor(page).fill(renamed);
      const unmapped = issue(page, 'supersedes.idMap');
      await unmapped.waitFor();
      expect(await unmapped.innerText()).toContain('id "teaching" of version 1.0.0 is removed but not mapped');
      expect(await publish.isDisabled()).toBe(true);

      // Mapped: publishable, and published.
      await editor(page).fill(renamed.replace('idMap: {}', 'idMap:\n    teaching: instructing'));
      await status(page)
        .getByText(/ready to publish/)
        .waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'model-editor-valid.png') });
      await publish.click();
      await page.waitForURL(`**/orgs/${orgId}/models/eis-toc?version=1.1.0`);
      await page.getByRole('alert').filter({ hasText: 'Published EIS theory of change 1.1.0.' }).first().waitFor();
      await mainHeading(page, 'EIS theory of change').waitFor();
      const picker = page.locator('input:visible').and(page.getByLabel('Version', { exact: true }));
      await expect.poll(() => picker.inputValue(), poll).toMatch(/^1\.1\.0 \(latest\)/);
      expect(await page.getByText(/Succeeds version 1\.0\.0; maps teaching → instructing/).count()).toBe(1);
      await diagramLoaded(page);

      // 1.0.0 stays readable.
      await picker.click();
      await page.getByRole('option', { name: /^1\.0\.0/ }).click();
      await page.waitForURL(`**/orgs/${orgId}/models/eis-toc?version=1.0.0`);
      await page.waitForFunction(() => document.title.startsWith('EIS theory of change 1.0.0'));
      expect(await picker.inputValue()).toMatch(/^1\.0\.0/);
      await expect.poll(() => diagramSvg(page), poll).toContain('eis-toc 1.0.0');
    },
  );

  test(
    'the whole diagram fits its box on a phone and a desktop, zooms, and downloads as SVG and PNG',
    { timeout: 180_000 },
    async () => {
      const lastComponent = eisToc.components.at(-1)!.id;
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 375, height: 812 },
      ]) {
        const page = await openPage(viewport);
        const orgId = await signInToOrganization(page, demoAdmin);
        // The models list links to the diagram on the model's page, not to a raw file.
        await page.goto(`/orgs/${orgId}/models`);
        await page.getByRole('link', { name: 'Diagram of EIS theory of change' }).first().click();
        // The latest version: 1.1.0 once the first test of this file has published it.
        await page.waitForURL(new RegExp(`/orgs/${orgId}/models/eis-toc\\?version=[\\d.]+#diagram$`));
        await diagramLoaded(page);

        // Fitted: every component, construct and outcome, the last component too, lies inside the box.
        const drawn = await page.locator('[data-testid="model-diagram"] g.node').count();
        expect(drawn).toBe(eisToc.components.length + eisToc.constructs.length + eisToc.outcomes.length);
        expect(await elementsOutsideBox(page)).toEqual([]);
        expect(await zoomShown(page)).toBe('100%');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(screenshotDir, `model-diagram-${viewport.width}.png`) });

        // Zoom in by button: the drawing grows by the shown factor, and parts leave the box.
        const fitted = await drawnWidth(page, lastComponent);
        await page.getByRole('button', { name: 'Zoom in' }).click();
        await expect.poll(() => zoomShown(page), poll).toBe('150%');
        await expect.poll(async () => (await drawnWidth(page, lastComponent)) / fitted, poll).toBeCloseTo(1.5, 2);
        expect((await elementsOutsideBox(page)).length).toBeGreaterThan(0);
        // And by keyboard on the focused diagram: + zooms, an arrow pans, 0 fits again.
        const viewportGroup = page.getByRole('group', { name: /use the arrow keys to move/ });
        await viewportGroup.focus();
        await page.keyboard.press('+');
        await expect.poll(() => zoomShown(page), poll).toBe('200%');
        const before = await page.evaluate(
          (id) => document.querySelector(`[data-element-id="${id}"]`)!.getBoundingClientRect().left,
          lastComponent,
        );
        await page.keyboard.press('ArrowRight');
        await expect
          .poll(() =>
            page.evaluate(
              (id) => document.querySelector(`[data-element-id="${id}"]`)!.getBoundingClientRect().left,
              lastComponent,
            ),
          )
          .not.toBe(before);
        await page.keyboard.press('0');
        await expect.poll(() => zoomShown(page), poll).toBe('100%');
        await expect.poll(() => elementsOutsideBox(page), poll).toEqual([]);
        await page.getByRole('button', { name: 'Zoom in' }).click();
        await expect.poll(() => zoomShown(page), poll).toBe('150%');
        await page.getByRole('button', { name: 'Fit the whole diagram' }).click();
        await expect.poll(() => zoomShown(page), poll).toBe('100%');
        await expect.poll(() => elementsOutsideBox(page), poll).toEqual([]);
      }

      const page = await openPage({ width: 375, height: 812 });
      const orgId = await signInToOrganization(page, demoAdmin);
      await page.goto(`/orgs/${orgId}/models/eis-toc?version=1.0.0`);
      const served = await diagramLoaded(page);
      const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(served)!;

      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download SVG' }).click(),
      ]);
      expect(svgDownload.suggestedFilename()).toBe('eis-toc-1.0.0.svg');
      const svgFile = readFileSync((await svgDownload.path())!, 'utf8');
      const root = /^(?:<\?xml[^>]*\?>\s*)?<svg\b[^>]*>/.exec(svgFile);
      expect(root?.[0]).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svgFile.trimEnd().endsWith('</svg>')).toBe(true);
      for (const component of eisToc.components) expect(svgFile).toContain(`data-element-id="${component.id}"`);

      const [pngDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download PNG' }).click(),
      ]);
      expect(pngDownload.suggestedFilename()).toBe('eis-toc-1.0.0.png');
      const png = readFileSync((await pngDownload.path())!);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      // Drawn at twice the diagram's own size.
      expect(png.readUInt32BE(16)).toBe(Math.ceil(Number(viewBox[1]) * 2));
      expect(png.readUInt32BE(20)).toBe(Math.ceil(Number(viewBox[2]) * 2));
      // Not a blank canvas: a PNG of a white page compresses to a few kilobytes.
      expect(png.length).toBeGreaterThan(50_000);
    },
  );

  test('a practitioner reads models but is offered no editing', { timeout: 120_000 }, async () => {
    const page = await openPage({ width: 1280, height: 900 });
    const orgId = await signInToOrganization(page, demoPractitioner);

    await page.goto(`/orgs/${orgId}/models`);
    await mainHeading(page, 'Practice models').waitFor();
    expect(await page.getByRole('link', { name: 'New model' }).count()).toBe(0);

    await page.goto(`/orgs/${orgId}/models/eis-toc`);
    await mainHeading(page, 'EIS theory of change').waitFor();
    await diagramLoaded(page);
    expect(await page.getByRole('link', { name: 'Edit model' }).count()).toBe(0);

    await page.goto(`/orgs/${orgId}/models/eis-toc/edit`);
    await mainHeading(page, 'Administrators only').waitFor();
    await page.getByText('Only administrators of this organization can edit and publish practice models.').waitFor();
    await page.goto(`/orgs/${orgId}/models/new`);
    await mainHeading(page, 'Administrators only').waitFor();
  });

  test('on a phone the model page and the editor fit the screen', { timeout: 120_000 }, async () => {
    const page = await openPage({ width: 375, height: 812 });
    const orgId = await signInToOrganization(page, demoAdmin);

    await page.goto(`/orgs/${orgId}/models/isp-profile`);
    await page.getByTestId('provenance-statement').waitFor();
    await diagramLoaded(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'model-page-phone.png'), fullPage: true });

    await page.goto(`/orgs/${orgId}/models/new`);
    await mainHeading(page, 'New practice model').waitFor();
    await status(page)
      .getByText(/ready to publish/)
      .waitFor();
    const editorOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(editorOverflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshotDir, 'model-editor-phone.png'), fullPage: true });
  });
});
