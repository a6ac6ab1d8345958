/**
 * Accessibility as users with assistive technology meet it: an automated WCAG check (axe-core) of
 * the main views, and a keyboard-only walk from the filters to a region's figure.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';

const base = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Runs axe-core in the page. The production build's Content-Security-Policy forbids inline scripts,
 * so axe is served from the page's own origin (a route) rather than weakening the policy.
 */
async function axe(page: Page): Promise<string[]> {
  const url = new URL('/__axe-core.js', page.url()).href;
  await page.route(url, (route) => route.fulfill({ body: axeSource, contentType: 'text/javascript' }));
  await page.addScriptTag({ url });
  const result = await page.evaluate(
    async () =>
      (await (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } }).axe.run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      })) as AxeResult,
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('automated WCAG 2.1 AA check (axe-core)', () => {
  it.each([
    ['the default map', ''],
    ['a selected region with its profile', '?sel=unit:aktobe'],
    ['an incident with disagreeing sources', '?from=2011&to=2011&sel=event:aktobe-2011-05-bombing'],
    ['the table view', '?view=table'],
    ['a comparison of two periods', '?from=2014&to=2014&stat=incidents&cmp=years:2011-2011'],
  ])('finds no violation on %s', async (_name, query) => {
    const { page } = await openPage(browser);
    await page.goto(`${base}${query}`);
    await waitForMap(page);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard only', () => {
  it('reaches the year filter, a region and its figure without a mouse, with visible focus', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    // Tab to the first-year slider and move it with the arrow keys.
    for (
      let i = 0;
      i < 10 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'year-from';
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('year-from');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.textContent('[data-testid=year-range]')).toBe('2017–2026');
    // A screen reader hears what the change did.
    const live = page.locator('[data-testid=filter-announcement]');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => live.textContent()).toMatch(/^Incidents shown: \d+\. Years: 2017–2026\. On the map: .+\.$/);

    // Tab on to the region table and open Aktobe.
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (
        text === 'Aktobe' &&
        (await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=region-table]'))))
      )
        break;
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('[data-testid=unit-figure]')).toContain('19');
    await screenshot(page, 'keyboard-aktobe');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
