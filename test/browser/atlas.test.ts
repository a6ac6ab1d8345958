/**
 * The atlas as a user sees it in Chromium: the 2017 Article 256 part 2 choropleth, the year filter,
 * selection panels, the URL, and no request leaving the machine.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';

type MapHandle = {
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>;
  getSource(id: string): { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
  project(lngLat: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
};
declare global {
  interface Window {
    __map: MapHandle;
  }
}

const SERIES_256_2 = 'cabar-2017-256-2-convicted';
const NE_UNITS = [
  'akmola',
  'aktobe',
  'almaty-oblast',
  'atyrau',
  'west-kazakhstan',
  'zhambyl',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'south-kazakhstan',
  'pavlodar',
  'north-kazakhstan',
  'east-kazakhstan',
  'astana',
  'almaty',
];

let browser: Browser;
const base = inject('baseUrl');

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the 2017 Article 256 part 2 statistic', () => {
  it('colours the six named units with their figures and marks every other region "not reported"', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    // With no statistic chosen, the one with the most stated regional figures is shown: this one.
    expect(await page.locator('[data-testid=series]').inputValue()).toBe(SERIES_256_2);
    await page.selectOption('[data-testid=series]', SERIES_256_2);
    await waitForMap(page);

    const states = await page.evaluate(
      (units) => Object.fromEntries(units.map((id) => [id, window.__map.getFeatureState({ source: 'regions', id })])),
      NE_UNITS,
    );
    const reported = Object.fromEntries(
      Object.entries(states)
        .filter(([, s]) => s['status'] !== 'not_reported')
        .map(([id, s]) => [id, s['value']]),
    );
    expect(reported).toEqual({ aktobe: 19, almaty: 7, 'south-kazakhstan': 6, astana: 5, karaganda: 5, zhambyl: 5 });
    const notReported = Object.entries(states)
      .filter(([, s]) => s['status'] === 'not_reported')
      .map(([id]) => id);
    expect(notReported.sort()).toEqual(NE_UNITS.filter((u) => !(u in reported)).sort());

    // The colours differ from the not-reported fill, and Aktobe (19) is darker than Zhambyl (5).
    expect(states['aktobe']?.['colour']).not.toBe(states['zhambyl']?.['colour']);

    // Almaty and Astana, whose polygons vanish at country zoom, are circles with their figures.
    const circles = await page.evaluate(async () =>
      (await window.__map.getSource('points')!.getData()).features
        .filter((f) => f.properties?.['kind'] === 'circle')
        .map((f) => [f.properties?.['id'], f.properties?.['value']]),
    );
    expect(Object.fromEntries(circles)).toEqual({ 'unit:almaty': 7, 'unit:astana': 5 });

    // The list says the same in words, and the legend keeps the national figure national.
    const rows = await page.$$eval('[data-testid=region-table] tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-unit'), tr.querySelector('td:last-child')?.textContent?.trim()]),
    );
    expect(Object.fromEntries(rows)['pavlodar']).toBe('not reported');
    expect(Object.fromEntries(rows)['aktobe']).toBe('19');
    await expect.poll(() => page.textContent('[data-testid=national-total]')).toContain('62');
    expect(await page.textContent('[data-testid=national-total]')).toContain('15 elsewhere, not itemised');
    expect(await page.textContent('[data-testid=legend-not-reported]')).toContain('10 regions');

    await screenshot(page, 'article-256-2-2017');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('opens a panel with the figure and its source when a region is clicked on the map', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=${SERIES_256_2}`);
    await waitForMap(page);
    const point = await page.evaluate(() => window.__map.project([60.5, 49.6]));
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(() => page.textContent('[data-testid=details]')).toContain('Aktobe');
    const details = (await page.textContent('[data-testid=details]')) ?? '';
    expect(details).toContain('19');
    expect(details).toContain('Features of Countering Violent Extremism and Terrorism in Kazakhstan');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('unit:aktobe');
    await screenshot(page, 'aktobe-selected');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the year filter', () => {
  it('shows the 2011 incidents and hides the 2014 Pavlodar detentions, on the map and in the list', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    const eventIds = () =>
      page.evaluate(async () =>
        (await window.__map.getSource('events')!.getData()).features.map((f) => String(f.properties?.['id'])),
      );
    expect(await eventIds()).toContain('pavlodar-2014-08-detention');

    await page.locator('[data-testid=year-from]').fill('2011');
    await page.locator('[data-testid=year-to]').fill('2011');
    await expect.poll(() => page.textContent('[data-testid=year-range]')).toBe('2011');
    await waitForMap(page);

    const ids = await eventIds();
    expect(ids).not.toContain('pavlodar-2014-08-detention');
    // Each marker carries its category's shape, not only its colour.
    const shapes = await page.evaluate(() => {
      const map = window.__map as unknown as { getLayer(id: string): unknown; hasImage(id: string): boolean };
      return {
        layer: Boolean(map.getLayer('event-shapes')),
        images: ['attack', 'detention', 'unrest'].every((c) => map.hasImage(`category-${c}`)),
      };
    });
    expect(shapes).toEqual({ layer: true, images: true });
    expect(ids).toEqual(
      expect.arrayContaining([
        'aktobe-2011-05-bombing',
        'shubarshi-2011-shootings',
        'atyrau-2011-09-bombing',
        'taraz-2011-jak-attack',
        'boraldai-2011-jak-attack',
      ]),
    );
    // Everything dated outside 2011 is hidden; the Bishkek arrest, dated only "2004 to 2011", stays.
    for (const hidden of [
      'chui-2014-01-08-detention',
      'almaty-2019-04-plot',
      'zyryanovsk-recruitment-conviction',
      'kz-2013-07-salafist-funding',
      'chaigulov-2005-12-extradition',
    ]) {
      expect(ids).not.toContain(hidden);
    }
    const listed = await page.$$eval('[data-testid=event-list] li[data-event]', (lis) =>
      lis.map((li) => li.getAttribute('data-event')),
    );
    expect(listed.sort()).toEqual([...ids].sort());

    // The view lives in the URL: a reload reproduces it.
    expect(new URL(page.url()).searchParams.get('from')).toBe('2011');
    await page.reload();
    await waitForMap(page);
    expect((await eventIds()).sort()).toEqual([...ids].sort());
    await screenshot(page, 'year-2011');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('map labels', () => {
  it('render in Kazakh through the bundled fonts, with no glyph server', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(`${base}?labels=kk&stat=${SERIES_256_2}`);
    await waitForMap(page);
    const label = await page.evaluate(() => {
      const map = window.__map as unknown as {
        getLayoutProperty(l: string, p: string): unknown;
        getStyle(): { glyphs?: string };
      };
      return {
        field: JSON.stringify(map.getLayoutProperty('region-label', 'text-field')),
        glyphs: map.getStyle().glyphs ?? null,
      };
    });
    expect(label.field).toContain('name_kk');
    expect(label.field).toContain('дерек жоқ');
    expect(label.glyphs).toBeNull();
    await screenshot(page, 'labels-kazakh');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('selecting incidents and cities', () => {
  it('opens an event from the keyboard and shows every source where they disagree on the date', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2011&to=2011`);
    await waitForMap(page);
    const item = page.locator('[data-event="aktobe-2011-05-bombing"] button');
    await item.focus();
    await page.keyboard.press('Enter');
    const details = page.locator('[data-testid=details]');
    await expect.poll(() => details.textContent()).toContain('7 sources');
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('The sources give different dates for this event.');
    for (const date of ['14 May 2011', '17 May 2011', 'May 2011', '2011']) expect(text).toContain(date);
    for (const publisher of ['ESISC', 'CABAR.asia', 'CACI Analyst', 'The Moscow Times', 'Naharnet']) {
      expect(text).toContain(publisher);
    }
    expect(new URL(page.url()).searchParams.get('sel')).toBe('event:aktobe-2011-05-bombing');
    // The marker is ringed on the map too.
    const ring = await page.evaluate(() =>
      (window.__map as unknown as { getFilter(l: string): unknown }).getFilter('event-selected'),
    );
    expect(ring).toEqual(['==', ['get', 'id'], 'aktobe-2011-05-bombing']);
    await waitForMap(page);
    await screenshot(page, 'event-conflicting-dates');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('opens a marker clicked on the map', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2014&to=2014&map=6.00/52.3000/76.9500`);
    await waitForMap(page);
    const point = await page.evaluate(() => window.__map.project([76.95, 52.29]));
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    const details = page.locator('[data-testid=details]');
    await expect.poll(() => details.textContent()).toContain('Pavlodar');
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('arrested: 4');
    expect(text).toContain('In Pavlodar Region at the time (2014)');
    // The charge, Article 233 of the 1997 code, written out as the interface words articles.
    expect(text).toContain('Art. 233 (1997 code)');
    expect(text).toContain('How Real is the Jihadi Threat to Kazakhstan?');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows a city figure at the city, not in its region, when its circle is clicked', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const murders = 'cabar-2019-01-10-99-offences';
    // The statistic's year only: incidents of other years at Ust-Kamenogorsk (2016, 2022) would lie
    // on the circle, and a click there opens them (or their cluster) instead.
    await page.goto(`${base}?stat=${murders}&from=2019&to=2019`);
    await waitForMap(page);
    const active = await page.locator('[data-testid=series]').inputValue();
    expect(active).toBe(murders);
    const point = await page.evaluate(() => window.__map.project([82.61, 49.95]));
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    const details = page.locator('[data-testid=details]');
    await expect.poll(() => details.textContent()).toContain('Ust-Kamenogorsk');
    expect(await details.textContent()).toContain('31');
    const eastKazakhstan = await page.evaluate(() =>
      window.__map.getFeatureState({ source: 'regions', id: 'east-kazakhstan' }),
    );
    expect(eastKazakhstan['status']).toBe('not_reported');
    await screenshot(page, 'city-figure-ust-kamenogorsk');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('national figures', () => {
  it('are listed beside the map for the selected years, with disagreeing sources marked', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2013&to=2013`);
    await waitForMap(page);
    const panel = page.locator('[data-testid=national]');
    const websites = panel.locator('details', { hasText: 'Websites blocked' });
    expect(await websites.textContent()).toContain('sources differ');
    await websites.locator('summary').click();
    // The figures' panel loads with the first line opened.
    await expect.poll(() => websites.textContent()).toContain('Compare:');
    const text = (await websites.textContent()) ?? '';
    expect(text).toContain('596');
    expect(text).toContain('600');
    await screenshot(page, 'national-2013');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("start from the curated files' digest; the sources' words load when a figure is first opened", async () => {
    const { page, consoleErrors } = await openPage(browser);
    const csv: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.csv')) csv.push(path);
    });
    await page.goto(`${base}?from=2013&to=2013`);
    await waitForMap(page);
    expect(csv).toEqual([]);
    // The header counts every statement and source, although the sources only statements name
    // come with the texts (core/data/digest.ts), and says the same once they are in.
    const summary = page.getByTestId('summary');
    const counts = (text: string) =>
      /(\d+) incidents? from (\d+) source statements? · \d+ statistics? · (\d+) sources/
        .exec(text.replace(/\s+/g, ' '))
        ?.slice(1);
    const sourceRows =
      readFileSync(new URL('../../static/data/sources.csv', import.meta.url), 'utf8')
        .trim()
        .split('\n').length - 1;
    const atStart = counts((await summary.textContent()) ?? '');
    expect(atStart?.[2]).toBe(String(sourceRows));
    const websites = page.locator('[data-testid=national] details', { hasText: 'Websites blocked' });
    await websites.locator('summary').click();
    // The quote of the 2013 figure, from static/data/national.csv.
    await expect
      .poll(() => websites.locator('blockquote').allTextContents())
      .toContainEqual(expect.stringContaining('courts ruled to block access to 596'));
    expect(await websites.locator('blockquote').allTextContents()).not.toContain('“…”');
    expect(csv.sort()).toEqual([
      '/data/incidents.csv',
      '/data/national.csv',
      '/data/sources.csv',
      '/data/statistics.csv',
    ]);
    expect(counts((await summary.textContent()) ?? '')).toEqual(atStart);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('statistics of later periods (a part of the curated data)', () => {
  type MapHandle = { getFeatureState(f: { source: string; id: string }): Record<string, unknown> };
  const featureValue = (page: Page, unit: string) =>
    page.evaluate(
      (id) => (window as unknown as { __map: MapHandle }).__map.getFeatureState({ source: 'regions', id })['value'],
      unit,
    );

  it('offers the 2022 statistics at start without reading them, and reads them when one is chosen', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const parts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/data/digest-')) parts.push(path);
    });
    await page.goto(base);
    await waitForMap(page);
    // The first map is the one it was before the 2022 statistics came: a statistic of the seed years.
    const menu = page.locator('[data-testid=series]');
    expect(await menu.inputValue()).toBe('cabar-2017-256-2-convicted');
    expect(await menu.locator('option', { hasText: 'Criminal offences recorded, 2022' }).count()).toBe(1);
    expect(parts).toEqual([]);

    await menu.selectOption('gp22-1m-registered-all');
    await expect.poll(() => parts).toEqual(['/data/digest-2022.json']);
    await expect.poll(() => menu.inputValue()).toBe('gp22-1m-registered-all');
    await waitForMap(page);
    // Aktobe's 6,824 registered offences (Form 1-M, R1 F7), on a unit the 2022 layout did not change.
    await expect.poll(() => featureValue(page, 'aktobe')).toBe(6824);
    expect(new URL(page.url()).searchParams.get('stat')).toBe('gp22-1m-registered-all');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('reads them at start for a link to years without a seed statistic, and shows the fullest of them', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2022&to=2022`);
    await waitForMap(page);
    const menu = page.locator('[data-testid=series]');
    await expect.poll(() => menu.inputValue()).toMatch(/^gp22-/);
    await expect.poll(() => page.locator('[data-testid=parts-loading]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('start-up', () => {
  it('says which file could not be loaded when the embedded data is missing, instead of a blank page', async () => {
    const { page } = await openPage(browser);
    await page.route('**/data/digest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(base);
    const alert = page.locator('[role=alert]');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('could not load its data');
    expect(await alert.textContent()).toContain('data/digest.json');
    expect(await alert.textContent()).toContain('HTTP 404');
    // The page is mounted (header, language switch) around the message.
    expect(await page.locator('h1').textContent()).toContain('Kazakhstan');
    await page.context().close();
  });

  it('draws the map first and the side panels once it is complete', async () => {
    const { page, consoleErrors } = await openPage(browser);
    // When the first complete map and the first side panel appear, in ms since navigation.
    await page.addInitScript({
      content: `(() => {
        let map;
        Object.defineProperty(window, '__map', { configurable: true, get: () => map, set: (m) => {
          map = m;
          m.once('load', () => m.once('idle', () => (window.__drawnAt ??= performance.now())));
        } });
        new MutationObserver(() => {
          if (document.querySelector('h1')) window.__mountedAt ??= performance.now();
          if (document.querySelector('[data-testid=year-range]')) window.__panelsAt ??= performance.now();
        }).observe(document, { childList: true, subtree: true });
      })();`,
    });
    await page.goto(base);
    await waitForMap(page);
    await page.locator('[data-testid=national]').waitFor();
    const { drawnAt, panelsAt, mountedAt } = await page.evaluate(() => {
      const w = window as unknown as { __drawnAt: number; __panelsAt: number; __mountedAt: number };
      return { drawnAt: w.__drawnAt, panelsAt: w.__panelsAt, mountedAt: w.__mountedAt };
    });
    // Once the map is complete, or 2 s after the page is mounted when the map takes longer (a
    // loaded machine): never before either.
    expect(panelsAt).toBeGreaterThanOrEqual(Math.min(drawnAt, mountedAt + 2000) - 50);
    expect(panelsAt).toBeGreaterThan(mountedAt);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the side panels even when the map cannot be drawn', async () => {
    const { page } = await openPage(browser);
    // Without MapLibre's worker the map never loads.
    await page.route('**/*maplibre-gl-worker*', (route) => route.abort());
    await page.goto(base);
    await page.locator('[data-testid=national]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid=year-range]').textContent()).toBe('2004–2026');
    expect(await page.evaluate(() => (window as unknown as { __map: { loaded(): boolean } }).__map.loaded())).toBe(
      false,
    );
    await page.context().close();
  });
});
