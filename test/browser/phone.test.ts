/**
 * The atlas on a 360 px phone: nothing wider than the screen, a tap opens the details as a sheet,
 * two fingers pinch to zoom, and the attribution is not covered.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openBrowser, screenshot, waitForMap } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type MapHandle = { project(l: [number, number]): { x: number; y: number }; getZoom(): number };

describe('on a 360 px phone', () => {
  it('fits the screen, opens a tapped region as a sheet, and pinches to zoom', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // One year without incidents in Aktobe region, so that the tap below lands on the region, not on
    // the cluster of Aktobe's incidents.
    await page.goto(`${base}?from=2017&to=2017`);
    await waitForMap(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('.maplibregl-ctrl-attrib').getAttribute('class')).toContain('maplibregl-compact');
    expect(await page.locator('.maplibregl-ctrl-attrib').getAttribute('class')).not.toContain(
      'maplibregl-compact-show',
    );

    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const point = await page.evaluate(() => (window as unknown as { __map: MapHandle }).__map.project([60.5, 49.6]));
    await page.touchscreen.tap(canvas.x + point.x, canvas.y + point.y);
    const sheet = page.locator('[data-testid=details]');
    await expect.poll(() => sheet.textContent()).toContain('Aktobe');
    expect(await sheet.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.width).toBeLessThanOrEqual(360);
    await screenshot(page, 'phone-sheet');
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(() => page.locator('[data-testid=details] .close').count()).toBe(0);

    // Pinch out with two fingers (Chrome DevTools Protocol touch events).
    const before = await page.evaluate(() => (window as unknown as { __map: MapHandle }).__map.getZoom());
    const cdp = await context.newCDPSession(page);
    const cx = canvas.x + canvas.width / 2;
    const cy = canvas.y + canvas.height / 2;
    const touch = (d: number) => [
      { x: cx - d, y: cy, id: 1 },
      { x: cx + d, y: cy, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(20) });
    for (let d = 25; d <= 120; d += 5)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __map: MapHandle }).__map.getZoom()))
      .toBeGreaterThan(before + 0.5);

    // Nothing sits on the attribution.
    const attribution = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
    const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
    const overlaps = !(
      scale.x + scale.width <= attribution.x ||
      attribution.x + attribution.width <= scale.x ||
      scale.y + scale.height <= attribution.y ||
      attribution.y + attribution.height <= scale.y
    );
    expect(overlaps).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
