/**
 * The atlas's own data beyond the seeds, as a user meets it: the 2016 attacks in Aktobe and Almaty
 * with every source's statement, January 2022 city by city beside the prosecutors' 2022 crime
 * statistics on the units of the 2022 layout, counts and per 100,000, and the KNB's 2024.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;

type MapHandle = {
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>;
  getSource(id: string): { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
};
const featureState = (page: Page, unit: string) =>
  page.evaluate(
    (id) => (window as unknown as { __map: MapHandle }).__map.getFeatureState({ source: 'regions', id }),
    unit,
  );
const listedEvents = (page: Page) =>
  page
    .locator('[data-testid=event-list] li[data-event]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-event')));
const details = (page: Page) => page.textContent('[data-testid=details]');

async function openEvent(page: Page, id: string) {
  await page.locator(`[data-testid=event-list] li[data-event="${id}"] button`).click();
  await page.locator('[data-testid=event-provenance]').waitFor();
}

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('2016', () => {
  it('shows the Aktobe and Almaty attacks, each with every source and its words, disagreeing tolls side by side', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(`${base}?from=2016&to=2016`);
    await waitForMap(page);
    const events = await listedEvents(page);
    expect(events).toEqual(
      expect.arrayContaining([
        'aktobe-2016-06-05-attack',
        'aktobe-2016-06-ato',
        'aktobe-2016-06-10-shootout',
        'almaty-2016-07-18-shooting',
        'almaty-2016-11-02-kulekbayev-verdict',
      ]),
    );
    await screenshot(page, 'data-2016');

    await openEvent(page, 'aktobe-2016-06-05-attack');
    const aktobe = (await details(page)) ?? '';
    // Wikipedia's infobox says 25 dead, the first-day official figures via The Astana Times 6, the
    // Interior Ministry's 3: every statement with its figure, its source's address and its words.
    expect(aktobe).toContain('The sources give different figures.');
    expect(aktobe).toContain('killed: 25');
    expect(aktobe).toContain('killed: 6');
    expect(aktobe).toContain('killed: 3');
    expect(aktobe).toContain('https://en.wikipedia.org/wiki/2016_Aktobe_shootings');
    expect(aktobe).toContain('According to Astana Times, six people');
    expect(await page.locator('[data-testid=details] blockquote').count()).toBeGreaterThan(10);

    await openEvent(page, 'almaty-2016-07-18-shooting');
    expect(await details(page)).toMatch(/https?:\/\//);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('2022', () => {
  it('shows January 2022 city by city and the crime statistics on the 20 units, counts and per 100,000', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(`${base}?from=2022&to=2022&stat=gp22-1m-registered-all`);
    await waitForMap(page);
    expect(await listedEvents(page)).toEqual(
      expect.arrayContaining([
        'kz-2022-01-unrest-almaty',
        'taldykorgan-2022-01-07-sizo-attack',
        'kz-2022-01-unrest-taraz',
        'kz-2022-01-unrest-shymkent',
        'kz-2022-01-unrest-kyzylorda',
        'kz-2022-01-unrest-aktobe',
        'kz-2022-01-protests-zhanaozen',
        'kz-2022-01-protests-aktau',
      ]),
    );
    // The 2022 statistic on the units of its own layout: Abai, Zhetisu and Ulytau are polygons.
    const units = await page.evaluate(async () =>
      (await (window as unknown as { __map: MapHandle }).__map.getSource('regions')!.getData()).features.map((f) =>
        String(f.properties?.['unit']),
      ),
    );
    expect(units).toHaveLength(20);
    expect(await featureState(page, 'abai')).toMatchObject({ status: 'reported', value: 2474 });
    expect(await featureState(page, 'aktobe')).toMatchObject({ status: 'reported', value: 6824 });
    await screenshot(page, 'data-2022-offences');

    // Per 100,000: Abai's rate on its own population of 1 January 2023 (the region was created in June 2022).
    await page.getByLabel('Per 100,000').click();
    await expect.poll(async () => (await featureState(page, 'abai'))['value']).not.toBe(2474);
    const rate = Number((await featureState(page, 'abai'))['value']);
    expect(rate).toBeGreaterThan(100);
    expect(rate).toBeLessThan(1000);
    expect(await page.textContent('[data-testid=rate-basis]')).toContain('population');
    await screenshot(page, 'data-2022-offences-per-100k');

    // A unit's figure opens its source: the workbook, its sheet and cell, and the words of its row.
    await page.goto(`${base}?from=2022&to=2022&stat=gp22-1m-registered-all&sel=unit:abai`);
    await waitForMap(page);
    await expect.poll(() => details(page), { timeout: 15_000 }).toContain('sheet R1, cell F7');
    const abai = (await details(page)) ?? '';
    expect(abai).toContain('2,474');
    expect(abai).toContain('Всего правонарушений');
    expect(abai).toContain('open-data-kazakhstan/city-crime');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('2024', () => {
  it("shows the KNB's operations, plot and detentions of the year, and its national figures with their disagreement", async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(`${base}?from=2024&to=2024`);
    await waitForMap(page);
    expect((await listedEvents(page)).sort()).toEqual([
      'aktau-2024-04-01-plot',
      'kz-2024-02-17-knb-operation',
      'kz-2024-07-knb-detentions',
      'kz-2024-11-22-prison-plot',
    ]);
    // No statistic covers 2024: the map counts the incidents, the Aktau plot in Mangystau, the
    // three known only for the whole country in the note.
    expect(await featureState(page, 'mangystau')).toMatchObject({ status: 'reported', value: 1 });
    expect(await page.textContent('[data-testid=uncounted]')).toContain('3 known only for the whole country');
    // The year's national figures as stated, the KNB's two (one abroad) and one side by side.
    const national = (await page.textContent('[data-testid=national]')) ?? '';
    expect(national).toContain('2024 (reported in December 2024): 4');
    expect(national).toContain('1 January to 29 May 2024, one of them abroad: 2');
    expect(national).toContain('1 January to 12 June 2024, in Kazakhstan: 1');
    expect(national).toContain('sources differ');
    expect(national).toContain('2024 (reported in December 2024): 84');
    await screenshot(page, 'data-2024');

    // The colony plot: both statements, the articles, and the report of 2025 it may be.
    await openEvent(page, 'kz-2024-11-22-prison-plot');
    const plot = (await details(page)) ?? '';
    expect(plot).toContain('22 November 2024');
    expect(plot).toContain('Art. 255 (2014 code)');
    expect(plot).toContain('https://birinshi-qolmen.com/');
    expect(plot).toContain('https://amaninfo.com/');
    expect(plot).toContain('KNB stops the preparation of a terrorist act in a penal colony');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('incident counts over every year', () => {
  it('say how many incidents shown count in no unit, and why, so that the units and the note add up', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=incidents`);
    await waitForMap(page);
    // 2004-2026 spans the 2022 changes: drawn on the 20 units of the 2022 layout.
    const units = await page.evaluate(() =>
      (window as unknown as { __map: { querySourceFeatures(s: string): { id?: string | number }[] } }).__map
        .querySourceFeatures('regions')
        .map((f) => String(f.id)),
    );
    const values = await Promise.all(
      [...new Set(units)].map(async (u) => Number((await featureState(page, u))['value'])),
    );
    expect(values).toHaveLength(20);
    const counted = values.reduce((n, v) => n + v, 0);
    const shown = Number(/^(\d+) incidents/.exec((await page.getByTestId('summary').textContent())?.trim() ?? '')?.[1]);
    const note = (await page.getByTestId('uncounted').textContent()) ?? '';
    const left = Number(/^(\d+) of the incidents shown count in no unit/.exec(note)?.[1]);
    expect(left).toBeGreaterThan(0);
    expect(counted + left).toBe(shown);
    // The region-level incidents of the Almaty region before June 2022, which Zhetisu and the new
    // Almaty region divide, are named with their region, not put in either half.
    expect(note).toMatch(/\d+ known only to lie in Almaty Region, which the units drawn divide/);
    expect(note).toMatch(/\d+ abroad/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the article filter', () => {
  it('folds its articles under one line, in the code order, with All and None', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2022&to=2022`);
    await waitForMap(page);
    const articles = page.getByTestId('articles');
    const shown = page.getByTestId('articles-shown');
    const labels = articles.locator('label');
    // Folded: the legend follows the statistic menu without 30 check boxes in between.
    expect(await labels.first().isVisible()).toBe(false);
    const total = await labels.count();
    expect(total).toBeGreaterThan(25);
    expect(await shown.textContent()).toBe(`(all ${total} shown)`);
    await articles.locator('summary').click();
    const texts = await labels.allTextContents();
    expect(texts.slice(0, 3).map((s) => s.trim())).toEqual([
      'No single article (2014 code)',
      'Art. 99 (2014 code)',
      'Art. 120 (2014 code)',
    ]);
    expect(texts.map((s) => s.trim())).toContain('Art. 256 part 2 (2014 code)');
    await articles.getByRole('button', { name: 'None' }).click();
    expect(await shown.textContent()).toBe(`(0 of ${total} shown)`);
    // No statistic left: the map shows incident counts and says why.
    await expect.poll(() => page.getByTestId('no-statistic').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('art')).toBe('');
    await labels.filter({ hasText: 'Art. 255 (2014 code)' }).locator('input').check();
    expect(await shown.textContent()).toBe(`(1 of ${total} shown)`);
    await expect.poll(() => page.getByTestId('no-statistic').isVisible()).toBe(false);
    await articles.getByRole('button', { name: 'All' }).click();
    expect(await shown.textContent()).toBe(`(all ${total} shown)`);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the category filter', () => {
  it('counts each category in the years shown, whether it is ticked or not', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const counts = async () =>
      (await page.locator('.filters fieldset').nth(1).locator('label').allTextContents()).map((text) =>
        Number(/\((\d+)\)/.exec(text)?.[1]),
      );
    const listed = async () =>
      Number(/^\((\d+) of/.exec((await page.getByTestId('event-count').textContent()) ?? '')?.[1]);
    await page.goto(`${base}?from=2016&to=2016`);
    await waitForMap(page);
    const in2016 = await counts();
    expect(in2016).toHaveLength(7);
    expect(in2016.reduce((n, c) => n + c, 0)).toBe(await listed());
    await page.goto(base);
    await waitForMap(page);
    const all = await counts();
    expect(all.reduce((n, c) => n + c, 0)).toBe(await listed());
    expect(all.reduce((n, c) => n + c, 0)).toBeGreaterThan(in2016.reduce((n, c) => n + c, 0));
    // Unticking a category hides its incidents, not its count.
    await page.locator('.filters fieldset').nth(1).locator('label').first().locator('input').uncheck();
    await expect.poll(listed).toBe(all.reduce((n, c) => n + c, 0) - all[0]!);
    expect(await counts()).toEqual(all);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
