/**
 * The analysis an expert expects, checked in Chromium: classification and palettes, the timeline
 * with its brush and playback on a fixed scale, a unit's profile, national charts, change between
 * two periods, and the table view.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';

const base = inject('baseUrl');
const SERIES_256_2 = 'cabar-2017-256-2-convicted';
let browser: Browser;

type MapHandle = { getFeatureState(f: { source: string; id: string }): Record<string, unknown> };
const state = (page: Page, id: string) =>
  page.evaluate(
    (unit) => (window as unknown as { __map: MapHandle }).__map.getFeatureState({ source: 'regions', id: unit }),
    id,
  );
const legendClasses = (page: Page) =>
  page.$$eval('[data-testid=legend-classes] li', (lis) => lis.map((li) => li.textContent?.trim() ?? ''));

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('classification', () => {
  it('switches method, breaks and palette, and the legend shows bounds and counts', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=${SERIES_256_2}`);
    await waitForMap(page);
    const natural = await legendClasses(page);
    expect(natural[0]).toMatch(/^5 \(3 regions\)/);

    await page.locator('[data-testid=class-controls] summary').click();
    await page.selectOption('[data-testid=class-method]', 'manual');
    await page.fill('[data-testid=class-breaks]', '6, 10');
    await waitForMap(page);
    expect((await legendClasses(page)).slice(0, 3)).toEqual([
      '5–6 (4 regions)',
      '7–7 (1 region)'.replace('7–7', '7'),
      '19 (1 region)',
    ]);
    const redAktobe = (await state(page, 'aktobe'))['colour'];

    await page.selectOption('[data-testid=class-palette]', 'Blues');
    await waitForMap(page);
    expect((await state(page, 'aktobe'))['colour']).not.toBe(redAktobe);
    expect(new URL(page.url()).searchParams.get('pal')).toBe('Blues');
    expect(new URL(page.url()).searchParams.get('brk')).toBe('6,10');
    await screenshot(page, 'classes-manual-blues');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the timeline', () => {
  it('selects years by dragging across the bars', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    const svg = page.locator('[data-testid=timeline] svg');
    const box = (await svg.boundingBox())!;
    const yearX = (year: number) => box.x + ((year - 2004 + 0.5) / 23) * box.width;
    await page.mouse.move(yearX(2011), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(yearX(2014), box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.textContent('[data-testid=year-range]')).toBe('2011–2014');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('plays through the years with the map following and the colour scale fixed', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2011&to=2014&stat=incidents`);
    await waitForMap(page);
    await page.click('[data-testid=play]');
    await expect.poll(() => page.textContent('[data-testid=timeline-status]')).toContain('Showing 2011 of 2011–2014');
    await waitForMap(page);
    const classes2011 = await legendClasses(page);
    // The May bombing, the Shubarshi shootings, the 14 July shootout and the Kenkiyak shootout.
    expect((await state(page, 'aktobe'))['value']).toBe(4);
    await expect
      .poll(() => page.textContent('[data-testid=timeline-status]'), { timeout: 10_000 })
      .toContain('Showing 2014');
    await page.click('[data-testid=play]').catch(() => undefined);
    await waitForMap(page);
    expect((await state(page, 'aktobe'))['value']).toBe(0);
    expect((await state(page, 'pavlodar'))['value']).toBe(1);
    // The class bounds are those of the whole range, whatever the year: colours compare across years.
    const bounds = (lines: string[]) => lines.map((l) => l.replace(/\(.*\)/, '').trim());
    expect(bounds(await legendClasses(page))).toEqual(bounds(classes2011));
    await screenshot(page, 'timeline-play-2014');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('keeps the scale fixed over the range for rates too: each year on its own population', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const classesIn = async (year: number) => {
      await page.goto(`${base}?from=2011&to=2014&year=${year}&stat=incidents&rate=1`);
      await waitForMap(page);
      return (await legendClasses(page)).map((l) => l.replace(/\(.*\)/, '').trim());
    };
    const in2011 = await classesIn(2011);
    // Aktobe's 2011 incidents per 100,000 (4 on 1 January 2011's population) lie inside the classes.
    expect(in2011.length).toBeGreaterThan(1);
    expect(await classesIn(2014)).toEqual(in2011);
    // Without a fixed scale the classes are those of the year shown, and differ.
    await page.goto(`${base}?from=2011&to=2014&year=2014&stat=incidents&rate=1&scale=free`);
    await waitForMap(page);
    expect((await legendClasses(page)).map((l) => l.replace(/\(.*\)/, '').trim())).not.toEqual(in2011);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a unit profile', () => {
  it('shows every statistic for Astana across years, with a chart, and its names and codes', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?sel=unit:astana`);
    await waitForMap(page);
    const profile = page.locator('[data-testid=profile]');
    const text = (await profile.textContent()) ?? '';
    expect(text).toContain('Cases considered by courts, Art. 273 (2014 code)');
    expect(text).toContain('Persons convicted, Art. 273 (2014 code)');
    expect(text).toContain('Persons convicted, Art. 256 part 2 (2014 code)');
    expect(text).toContain('January-October 2019');
    await profile.locator('summary', { hasText: 'Names and codes' }).click();
    expect(await profile.textContent()).toContain('Nur-Sultan');
    await screenshot(page, 'profile-astana');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('national series', () => {
  it('are charted with their figures, disagreeing ones side by side', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2013&to=2017`);
    await waitForMap(page);
    const departures = page.locator('[data-testid=national] details', { hasText: 'departing' });
    await departures.locator('summary').click();
    const chart = departures.locator('svg[role=img]');
    expect(await chart.getAttribute('aria-label')).toContain('2013: 168; 2014: 136; 2015: 151; 2016: 91');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('change between two periods', () => {
  it('shows the difference on a diverging scale and never reads "not reported" as 0', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2014&to=2014&stat=incidents&cmp=years:2011-2011`);
    await waitForMap(page);
    expect(await page.textContent('[data-testid=change-title]')).toContain('Change from 2011 to 2014');
    expect(await state(page, 'aktobe')).toMatchObject({ status: 'reported', value: -4 });
    expect(await state(page, 'pavlodar')).toMatchObject({ status: 'reported', value: 1 });
    expect((await state(page, 'aktobe'))['colour']).not.toBe((await state(page, 'pavlodar'))['colour']);
    await screenshot(page, 'change-2011-2014');

    // A statistic compared with a period whose figures do not name a unit: that unit is not compared.
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the table view', () => {
  it('shows the rates beside the counts when the map shows rates', async () => {
    const { page, consoleErrors } = await openPage(browser);
    // 2017 only: the prosecutors' 2022 figures of Art. 256 in Aktobe would match the filter too.
    await page.goto(`${base}?stat=${SERIES_256_2}&from=2017&to=2017&rate=1`);
    await waitForMap(page);
    await page.click('[data-testid=mode-table]');
    const table = page.locator('[data-testid=table-view]');
    await table.waitFor();
    const headings = await table.locator('thead th').allTextContents();
    const rateColumn = headings.findIndex((h) => h.includes('Per 100,000'));
    expect(rateColumn).toBe(headings.findIndex((h) => h.includes('Figure')) + 1);
    await page.fill('[data-testid=table-filter]', 'aktobe 256');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const cells = await table.locator('tbody tr').first().locator('th, td').allTextContents();
    expect(cells[rateColumn - 1]?.trim()).toBe('19');
    expect(cells[rateColumn]?.trim()).toBe('2.25');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('lists every figure, sorts by keyboard and filters', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=${SERIES_256_2}&from=2017&to=2017`);
    await waitForMap(page);
    await page.click('[data-testid=mode-table]');
    const table = page.locator('[data-testid=table-view]');
    await table.waitFor();
    expect(await page.textContent('[data-testid=table-count]')).toMatch(/^(\d+) of \1 rows$/);
    const firstWhere = () => table.locator('tbody tr').first().locator('th, td').first().textContent();
    expect(await firstWhere()).toBe('Kazakhstan');
    await table.locator('thead button', { hasText: 'Where' }).focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('thead th').first().getAttribute('aria-sort')).toBe('ascending');
    await page.fill('[data-testid=table-filter]', 'aktobe 256');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').first().textContent()).toContain('19');
    await table.locator('tbody tr').first().locator('button').click();
    expect(new URL(page.url()).searchParams.get('sel')).toBe('unit:aktobe');
    await table.getByRole('tab', { name: 'Incidents' }).click();
    await page.fill('[data-testid=table-filter]', 'pavlodar');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'table-view');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('rates per 100,000 people', () => {
  const detailsFigure = (page: Page) => page.textContent('[data-testid=details] [data-testid=unit-figure]');

  it('toggles from counts to rates; the legend names the population year and the panel shows count ÷ population', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=${SERIES_256_2}&sel=unit:aktobe`);
    await waitForMap(page);
    expect(await state(page, 'aktobe')).toMatchObject({ status: 'reported', value: 19 });
    expect(await detailsFigure(page)).toBe('19');
    expect(await page.isChecked('[data-testid=rate-counts]')).toBe(true);

    await page.getByLabel('Per 100,000').check();
    await waitForMap(page);
    expect(new URL(page.url()).searchParams.get('rate')).toBe('1');
    // Aktobe's 2017 figure over its 1 January 2017 population; South Kazakhstan has no 2017 row
    // (the table splits it into Turkistan and Shymkent), so its rate uses 1 January 2016.
    expect(await page.textContent('[data-testid=rate-basis]')).toBe(
      'Per 100,000 people; population 2016 and 2017 (1 January estimate, Bureau of National Statistics).',
    );
    const aktobe = Math.round((19 / 845_679) * 100_000 * 100) / 100;
    expect(aktobe).toBe(2.25);
    expect(await state(page, 'aktobe')).toMatchObject({ status: 'reported', value: aktobe });
    expect(await detailsFigure(page)).toBe('2.25 per 100,000 people');
    expect(await page.textContent('[data-testid=unit-rate-derivation]')).toBe(
      '19 ÷ 845,679 people (1 January 2017, 1 January estimate) × 100,000',
    );
    expect(await page.textContent('[data-testid=details]')).toContain('Актюбинская,2017,845679');
    const southKazakhstan = Math.round((6 / 2_840_871) * 100_000 * 100) / 100;
    expect(await state(page, 'south-kazakhstan')).toMatchObject({ value: southKazakhstan });
    // Units the source does not name stay "not reported", never 0.
    expect(await state(page, 'pavlodar')).toMatchObject({ status: 'not_reported' });
    expect(await page.locator('[data-testid=rate-not-available]').count()).toBe(0);
    await screenshot(page, 'rates-256-2-2017-aktobe');

    // The link keeps the choice.
    await page.goto(`${base}?stat=${SERIES_256_2}&rate=1&lang=ru`);
    await waitForMap(page);
    expect(await page.textContent('[data-testid=rate-basis]')).toContain(
      'На 100 000 человек; численность населения 2016',
    );
    // So does the embedded map, whose compact legend says what the colours are.
    await page.goto(`${base}?embed&stat=${SERIES_256_2}&rate=1`);
    await waitForMap(page);
    expect(await page.textContent('[data-testid=embed-rate-basis]')).toContain('Per 100,000 people; population 2016');
    await screenshot(page, 'rates-embed');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('reads the population table only when rates are chosen, then goes back to counts with the reason where there is no basis', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const populationRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('population.csv')) populationRequests.push(request.url());
    });
    await page.goto(`${base}?stat=incidents&from=2004&to=2004`);
    await waitForMap(page);
    // Until the table is read the toggle is offered; a first visit never fetches it.
    expect(populationRequests).toEqual([]);
    expect(await page.isDisabled('[data-testid=rate-per-capita]')).toBe(false);
    // click, not check: the choice may turn back to counts before Playwright looks.
    await page.getByLabel('Per 100,000').click();
    expect(await page.textContent('[data-testid=rate-blocked]')).toContain(
      'No population figure lies within 5 years of 2004',
    );
    expect(populationRequests).toHaveLength(1);
    expect(await page.isDisabled('[data-testid=rate-per-capita]')).toBe(true);
    expect(await page.isChecked('[data-testid=rate-counts]')).toBe(true);
    expect(await page.locator('[data-testid=rate-basis]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('disables the toggle with the reason when the statistic shown has no population basis', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=incidents&from=2004&to=2004&rate=1`);
    await waitForMap(page);
    expect(await page.isDisabled('[data-testid=rate-per-capita]')).toBe(true);
    expect(await page.isChecked('[data-testid=rate-counts]')).toBe(true);
    expect(await page.textContent('[data-testid=rate-blocked]')).toContain(
      'No population figure lies within 5 years of 2004',
    );
    expect(await page.locator('[data-testid=rate-basis]').count()).toBe(0);
    await screenshot(page, 'rates-disabled-2004');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
