/**
 * Boundaries through time, as a user meets them: import real boundary files in the browser, move
 * the years across the 2018 and 2022 changes, and see every figure on the units of its time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';

const FIXTURES = new URL('../../../shared/fixtures/boundaries/', import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(name, FIXTURES));
const base = inject('baseUrl');
let browser: Browser;

type MapHandle = {
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>;
  getSource(id: string): { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
};
const units = (page: Page) =>
  page.evaluate(async () =>
    (await (window as unknown as { __map: MapHandle }).__map.getSource('regions')!.getData()).features
      .map((f) => String(f.properties?.['unit']))
      .sort(),
  );
const state = (page: Page, id: string) =>
  page.evaluate(
    (unit) => (window as unknown as { __map: MapHandle }).__map.getFeatureState({ source: 'regions', id: unit }),
    id,
  );

async function importFile(page: Page, path: string): Promise<string> {
  await page.locator('[data-testid=boundary-file]').setInputFiles(path);
  const report = page.locator('[data-testid=import-report]');
  await report.waitFor({ state: 'visible', timeout: 30_000 });
  const matched = (await report.locator('[data-testid=import-matched]').textContent()) ?? '';
  await report.locator('[data-testid=import-add]').click();
  await report.waitFor({ state: 'hidden' });
  return matched;
}

async function setYears(page: Page, from: number, to: number) {
  await page.locator('[data-testid=year-to]').fill(String(to));
  await page.locator('[data-testid=year-from]').fill(String(from));
  await page.locator('[data-testid=year-to]').fill(String(to));
  await waitForMap(page);
}

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the 2024 zipped shapefile', () => {
  it('imports with 20 units, and the years 2023 and 2017 each show the units of their time', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    expect(await importFile(page, fixture('kaz_admbnda_adm1_2024_shp.zip'))).toContain(
      'Matched 20 of 20 features to 20 units',
    );

    await setYears(page, 2023, 2023);
    await expect.poll(() => units(page)).toHaveLength(20);
    expect(await units(page)).toEqual(expect.arrayContaining(['abai', 'zhetisu', 'ulytau', 'east-kazakhstan-2022']));
    expect(await page.textContent('[data-testid=layout-note]')).toContain('since June 2022');
    // No incident in 2023: every unit is a stated 0 of this data, in the palest colour, not "many".
    expect(await state(page, 'aktobe')).toMatchObject({ value: 0, colour: '#ffffe5' });
    await screenshot(page, 'import-2024-year-2023');

    await setYears(page, 2017, 2017);
    await page.selectOption('[data-testid=series]', 'cabar-2017-256-2-convicted');
    await waitForMap(page);
    await expect.poll(() => units(page)).toHaveLength(16);
    expect(await units(page)).toContain('south-kazakhstan');
    expect(await units(page)).not.toContain('abai');
    const note = (await page.textContent('[data-testid=layout-note]')) ?? '';
    expect(note).toContain('1997-2018 layout');
    expect(note).toContain('dissolved into the units of this period');
    expect((await state(page, 'aktobe'))['value']).toBe(19);
    expect((await state(page, 'south-kazakhstan'))['value']).toBe(6);
    expect((await state(page, 'east-kazakhstan'))['status']).toBe('not_reported');
    await screenshot(page, 'import-2024-year-2017');

    await setYears(page, 2023, 2023);
    await expect.poll(() => units(page)).toHaveLength(20);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('stays after a reload and can be removed', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2023&to=2023`);
    await waitForMap(page);
    await importFile(page, fixture('kaz_admbnda_adm1_2024_shp.zip'));
    await page.reload();
    await waitForMap(page);
    const list = page.locator('[data-testid=boundaries] li');
    await expect.poll(() => list.count()).toBe(2);
    await expect.poll(() => units(page)).toHaveLength(20);
    await page.locator('[data-testid=boundaries] button', { hasText: 'Remove' }).click();
    await expect.poll(() => list.count()).toBe(1);
    await expect.poll(() => units(page)).toHaveLength(16);
    expect(await page.textContent('[data-testid=layout-note]')).toContain('shown within the older units');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('Shymkent in 2019', () => {
  const SERIES_291 = 'cabar-2019-01-10-291-offences';

  it('is a circle without 2018 boundaries, and colours its own polygon with them', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2019&to=2019&stat=${SERIES_291}`);
    await waitForMap(page);
    expect(await units(page)).not.toContain('shymkent');
    const circles = await page.evaluate(async () =>
      (await (window as unknown as { __map: MapHandle }).__map.getSource('points')!.getData()).features
        .filter((f) => f.properties?.['kind'] === 'circle')
        .map((f) => f.properties?.['id']),
    );
    expect(circles).toContain('unit:shymkent');

    expect(await importFile(page, fixture('kaz_admbnda_adm1_2018.geojson'))).toContain('Matched 17 of 17');
    await expect.poll(() => units(page)).toHaveLength(17);
    await waitForMap(page);
    const shymkent = await state(page, 'shymkent');
    expect(shymkent).toMatchObject({ status: 'reported', value: 5 });
    expect(shymkent['colour']).not.toBe('none');
    expect((await state(page, 'turkistan'))['status']).toBe('not_reported');
    await screenshot(page, 'import-2018-shymkent-2019');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
