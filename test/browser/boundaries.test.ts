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
    // The embedded 2022 units and the import.
    await expect.poll(() => list.count()).toBe(2);
    await expect.poll(() => units(page)).toHaveLength(20);
    const note = () => page.textContent('[data-testid=layout-note]');
    expect(await note()).toContain('kaz_admbnda_adm1_2024_shp.zip');
    await page.locator('[data-testid=boundaries] button', { hasText: 'Remove' }).click();
    await expect.poll(() => list.count()).toBe(1);
    // Back on the embedded units of 2023.
    await expect.poll(() => note()).toContain('Boundaries: geokz (embedded).');
    expect(await units(page)).toHaveLength(20);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('Shymkent in 2019', () => {
  const SERIES_291 = 'cabar-2019-01-10-291-offences';

  it('colours its own embedded polygon, and an imported 2018 file is drawn instead of the embedded units', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2019&to=2019&stat=${SERIES_291}`);
    await waitForMap(page);
    await expect.poll(() => units(page)).toHaveLength(17);
    expect(await state(page, 'shymkent')).toMatchObject({ status: 'reported', value: 5 });
    expect((await state(page, 'turkistan'))['status']).toBe('not_reported');
    expect(await page.textContent('[data-testid=layout-note]')).toContain('Boundaries: geokz (embedded).');

    expect(await importFile(page, fixture('kaz_admbnda_adm1_2018.geojson'))).toContain('Matched 17 of 17');
    await expect.poll(() => page.textContent('[data-testid=layout-note]')).toContain('kaz_admbnda_adm1_2018.geojson');
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

describe('the embedded units of each period', () => {
  /** The boundary files the page fetched, by layout file name. */
  const regionFiles = (requests: string[]) =>
    requests.flatMap((url) => /\/(regions-\d{4})-[^/]*\.topojson$/.exec(url)?.[1] ?? []).sort();

  it('the default map fetches only the units it draws, the 16 of 1997-2018', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(base);
    await waitForMap(page);
    await page.waitForTimeout(500);
    expect(await units(page)).toHaveLength(16);
    expect(regionFiles(requests)).toEqual(['regions-1997']);
    expect(await page.textContent('[data-testid=layout-note]')).toContain('1997-2018 layout');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('draws 2017 on 16 units, 2019 on 17 (Shymkent a polygon), 2023 on 20, each layout read when first needed', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${base}?from=2017&to=2017`);
    await waitForMap(page);
    expect(await units(page)).toHaveLength(16);
    expect(await units(page)).toContain('south-kazakhstan');
    await screenshot(page, 'embedded-2017');

    await setYears(page, 2019, 2019);
    await expect.poll(() => units(page)).toHaveLength(17);
    expect(await units(page)).toEqual(expect.arrayContaining(['shymkent', 'turkistan']));
    expect(await units(page)).not.toContain('south-kazakhstan');
    expect(await page.textContent('[data-testid=layout-note]')).toContain('2018-2022 layout');
    await screenshot(page, 'embedded-2019');

    await setYears(page, 2023, 2023);
    await expect.poll(() => units(page)).toHaveLength(20);
    expect(await units(page)).toEqual(
      expect.arrayContaining([
        'abai',
        'zhetisu',
        'ulytau',
        'almaty-oblast-2022',
        'karaganda-2022',
        'east-kazakhstan-2022',
      ]),
    );
    expect(await page.textContent('[data-testid=layout-note]')).toContain('Boundaries: geokz (embedded).');
    await screenshot(page, 'embedded-2023');

    // A range spanning both changes says so in the legend.
    await setYears(page, 2016, 2023);
    expect(await page.textContent('[data-testid=layout-note]')).toContain('span boundary changes');
    expect(regionFiles(requests)).toEqual(['regions-1997', 'regions-2018', 'regions-2022']);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('a link to 2023 opens on the 20 units, Almaty with its own outline close up', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2023&to=2023`);
    await waitForMap(page);
    expect(await units(page)).toHaveLength(20);
    // Almaty and its suburbs, close up: the city's outline is geokz's, not a coarse polygon.
    await page.evaluate(() =>
      (window as unknown as { __map: { jumpTo(o: object): void } }).__map.jumpTo({ center: [76.95, 43.25], zoom: 9 }),
    );
    await waitForMap(page);
    await screenshot(page, 'embedded-2023-almaty-zoom');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
