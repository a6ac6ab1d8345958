/**
 * Taking the data away, as a user does it in Chromium: the incidents and statistics in view as CSV
 * and GeoJSON (exactly the filtered rows, each with its source), the map as a framed PNG at print
 * resolution, the link and iframe snippet of the current view, and the embedded map itself.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import Papa from 'papaparse';
import { INCIDENT_COLUMNS, STATISTIC_COLUMNS } from '../../src/core/export/filtered.ts';
import { DEFAULT_FRAME_STYLE } from '../../src/core/export/png.ts';
import { openBrowser, openPage, SCREENSHOT_DIR, screenshot, waitForMap } from './browser.ts';

const base = inject('baseUrl');
const SERIES_256_2 = 'cabar-2017-256-2-convicted';
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The titles of the curated sources, read from the data file the app serves. */
const SOURCE_TITLES = new Set(
  Papa.parse<Record<string, string>>(readFileSync(join(import.meta.dirname, '../../static/data/sources.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data.map((row) => row['title']),
);

/** Clicks an export button in the Export menu and returns the downloaded file's name and bytes. */
async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = page.locator('[data-testid=export-menu]');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.click(`[data-testid=${testid}]`),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** A CSV export read back: BOM and CRLF checked, then parsed into a header and rows. */
function readCsv(bytes: Buffer): { header: string[]; rows: Record<string, string>[] } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  // Every line break outside quoted cells is CRLF: no bare LF ends a record.
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** No cell a spreadsheet would run as a formula (neutralised cells start with `'`). */
function formulaCells(rows: Record<string, string>[]): string[] {
  return rows.flatMap((row) => Object.values(row).filter((cell) => /^[=+@\t\r]/.test(cell) || /^-\D/.test(cell)));
}

describe('CSV exports', () => {
  it('write one row per source statement of the incidents in view, each with its source', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2011&to=2011`);
    await waitForMap(page);
    const listed = await page.$$eval('[data-testid=event-list] li[data-event]', (lis) =>
      lis.map((li) => li.getAttribute('data-event')),
    );
    expect(listed.length).toBeGreaterThan(3);

    const { name, bytes } = await download(page, 'export-incidents-csv');
    expect(name).toBe('kz-atlas-incidents-2011.csv');
    const { header, rows } = readCsv(bytes);
    expect(header).toEqual([...INCIDENT_COLUMNS]);
    // Exactly the events listed, no more, no fewer ...
    expect([...new Set(rows.map((r) => r['event']))].sort()).toEqual([...listed].sort());
    // ... with every statement of each (the table's Sources column counts them).
    await page.click('[data-testid=mode-table]');
    const table = page.locator('[data-testid=table-view]');
    await table.getByRole('tab', { name: 'Incidents' }).click();
    const statements = await table
      .locator('tbody tr td:last-child')
      .evaluateAll((tds) => tds.reduce((n, td) => n + Number(td.textContent), 0));
    expect(rows).toHaveLength(statements);
    expect(rows.length).toBeGreaterThan(listed.length); // the Aktobe bombing alone has seven sources
    // Every row carries its source, and the source's own words.
    for (const row of rows) {
      expect(SOURCE_TITLES.has(row['source_title']!), row['id']).toBe(true);
      expect(row['quote'], row['id']).not.toBe('');
    }
    const aktobe = rows.filter((r) => r['event'] === 'aktobe-2011-05-bombing');
    expect(aktobe.map((r) => r['date_start']).sort()).toEqual([
      '2011',
      '2011-05',
      '2011-05',
      '2011-05-14',
      '2011-05-17',
      '2011-05-17',
      '2011-05-17',
    ]);
    expect(formulaCells(rows)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('write every figure of the statistics in view, national ones included, in the interface language', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2017&to=2017&stat=${SERIES_256_2}&lang=ru`);
    await waitForMap(page);
    const { name, bytes } = await download(page, 'export-statistics-csv');
    expect(name).toBe('kz-atlas-statistics-2017.csv');
    const { header, rows } = readCsv(bytes);
    expect(header).toEqual([...STATISTIC_COLUMNS]);
    // The table view lists the same figures.
    await page.click('[data-testid=mode-table]');
    const count = (await page.textContent('[data-testid=table-count]')) ?? '';
    const [, shown, total] = /(\d+) из (\d+)/.exec(count) ?? [];
    expect(shown).toBe(total);
    expect(rows).toHaveLength(Number(total));
    const aktobe = rows.find((r) => r['series'] === SERIES_256_2 && r['unit'] === 'aktobe');
    expect(aktobe).toMatchObject({ value: '19', metric_label: 'Осуждённые лица', unit_name: 'Актюбинская область' });
    expect(rows.some((r) => r['level'] === 'national' && r['series'] === SERIES_256_2)).toBe(true);
    for (const row of rows) expect(SOURCE_TITLES.has(row['source_title']!), row['id']).toBe(true);
    expect(formulaCells(rows)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('carry the rate per 100,000 and its population beside each count when the map shows rates', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?from=2017&to=2017&stat=${SERIES_256_2}&rate=1`);
    await waitForMap(page);
    const { header, rows } = readCsv((await download(page, 'export-statistics-csv')).bytes);
    expect(header).toEqual([...STATISTIC_COLUMNS, 'rate_per_100k', 'population', 'population_dates']);
    const aktobe = rows.find((r) => r['series'] === SERIES_256_2 && r['unit'] === 'aktobe');
    expect(aktobe).toMatchObject({ value: '19', rate_per_100k: '2.25', population: '845679' });
    expect(aktobe?.['population_dates']).toBe('2017-01-01');
    // The national figure and other statistics' figures have no rate.
    const national = rows.find((r) => r['series'] === SERIES_256_2 && r['level'] === 'national');
    expect(national?.['rate_per_100k']).toBe('');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the GeoJSON export', () => {
  it('holds every incident in view: those drawn, and nationwide ones with no geometry', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    const drawn = await page.evaluate(
      async () =>
        (
          await (
            window as unknown as { __map: { getSource(id: string): { getData(): Promise<GeoJSON.FeatureCollection> } } }
          ).__map
            .getSource('events')
            .getData()
        ).features.length,
    );
    const nationwide = await page.locator('[data-testid=event-list] li[data-nationwide]').count();
    expect(nationwide).toBeGreaterThan(0);

    const { name, bytes } = await download(page, 'export-incidents-geojson');
    expect(name).toBe('kz-atlas-incidents-2004-2026.geojson');
    const geojson = JSON.parse(bytes.toString('utf8')) as GeoJSON.FeatureCollection;
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(drawn + nationwide);
    expect(geojson.features.filter((f) => f.geometry === null)).toHaveLength(nationwide);
    for (const feature of geojson.features) {
      const statements = feature.properties?.['statements'] as { source_title: string }[];
      expect(statements.length).toBeGreaterThan(0);
      for (const s of statements) expect(SOURCE_TITLES.has(s.source_title)).toBe(true);
    }
    const pavlodar = geojson.features.find((f) => f.id === 'pavlodar-2014-08-detention');
    expect((pavlodar?.geometry as GeoJSON.Point).coordinates[0]).toBeCloseTo(76.95, 1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

/** A PNG's size from its IHDR chunk, after checking its signature and that its pixel data inflates whole. */
function readPng(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24]!;
  const colour = bytes[25]!;
  expect(depth).toBe(8);
  const channels = { 2: 3, 6: 4 }[colour as 2 | 6];
  expect(channels).toBeDefined();
  // Concatenate the IDAT chunks and inflate them: one filter byte and `width` pixels per row.
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * channels!));
  return { width, height };
}

describe('the PNG export', () => {
  it('draws the map at twice its size, framed with title, legend, filters, sources and attribution', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=${SERIES_256_2}&from=2017&to=2017`);
    await waitForMap(page);
    const map = await page.evaluate(() => {
      const element = document.querySelector('.maplibregl-map')!;
      return { width: element.clientWidth, height: element.clientHeight };
    });
    const { name, bytes } = await download(page, 'export-png');
    expect(name).toBe('kz-atlas-map-2017.png');
    const png = readPng(bytes);
    const margin = DEFAULT_FRAME_STYLE.margin * 2;
    expect(png.width).toBe(Math.round(2 * map.width + 2 * margin));
    // The map image, plus a title above it and the legend, filters, sources and attribution below.
    expect(png.height).toBeGreaterThan(2 * map.height + 300);

    // Chromium decodes it, and the map is really in it: the water colour fills part of the frame.
    const water = await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const data = context.getImageData(0, 0, image.width, image.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - 0xcf) < 4 && Math.abs(data[i + 1]! - 0xe3) < 4 && Math.abs(data[i + 2]! - 0xef) < 4)
          count++;
      }
      return { count, width: image.width };
    }, bytes.toString('base64'));
    expect(water.width).toBe(png.width);
    expect(water.count).toBeGreaterThan(10_000);
    // The map keeps its screen resolution afterwards.
    expect(
      await page.evaluate(() => (window as unknown as { __map: { getPixelRatio(): number } }).__map.getPixelRatio()),
    ).toBe(1);

    // A copy to look at beside the screenshots.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'export.png'), bytes);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('sharing and embedding', () => {
  it('offers the link of the current view and an iframe snippet that opens the embedded map', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
    await page.goto(`${base}?stat=${SERIES_256_2}&from=2017&to=2017&lang=kk&sel=unit:aktobe`);
    await waitForMap(page);
    await page.locator('[data-testid=share-menu] summary').click();

    const link = new URL(await page.inputValue('[data-testid=share-link]'));
    expect(link.searchParams.get('stat')).toBe(SERIES_256_2);
    expect(link.searchParams.get('sel')).toBe('unit:aktobe');
    expect(link.searchParams.get('lang')).toBe('kk');

    const snippet = await page.inputValue('[data-testid=embed-code]');
    const match = /^<iframe src="([^"]+)" width="800" height="600" title="([^"]+)" loading="lazy"><\/iframe>$/.exec(
      snippet,
    );
    expect(match, snippet).not.toBeNull();
    const src = new URL(match![1]!.replaceAll('&amp;', '&'));
    expect(src.search.startsWith('?embed&')).toBe(true);
    expect(src.searchParams.get('stat')).toBe(SERIES_256_2);
    expect(src.searchParams.get('lang')).toBe('kk');
    expect(match![2]).toBe('Қазақстандағы оқиғалар мен айыптау үкімдерінің атласы');

    await page.click('[data-testid=copy-embed]');
    await expect.poll(() => page.textContent('[data-testid=share-menu] [role=status]')).toContain('Көшірілді');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await screenshot(page, 'share-embed');

    // The snippet pasted into another page shows the embedded map.
    await page.setContent(`<!doctype html><html><body>${snippet}</body></html>`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame!.waitForFunction(
      () => {
        const map = (window as unknown as { __map?: { loaded(): boolean; getSource(id: string): unknown } }).__map;
        return Boolean(map && map.getSource('events') && map.loaded());
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await frame!.locator('[data-testid=embed-legend] h2').textContent()).toBe(
      'Сотталғандар, ҚР ҚК 256-б. 2-б. (2014), 2017',
    );
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the embedded map', () => {
  it('shows the map with a compact legend and no panels, in the language of the link', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser, 800, 600);
    await page.goto(`${base}?embed&stat=${SERIES_256_2}&lang=ru`);
    await waitForMap(page);
    expect(await page.locator('aside').count()).toBe(0);
    expect(await page.locator('[data-testid=timeline]').count()).toBe(0);
    expect(await page.locator('header').count()).toBe(0);
    const legend = page.locator('[data-testid=embed-legend]');
    expect((await legend.locator('h2').textContent())?.trim()).toBe('Осуждённые лица, ст. 256 ч. 2 УК РК (2014), 2017');
    expect(await legend.locator('[data-testid=embed-not-reported]').textContent()).toContain('Нет данных');
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Natural Earth');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    // The URL keeps the embed mode while the view changes.
    expect(new URL(page.url()).searchParams.has('embed')).toBe(true);

    // A click still selects, and the details open as a sheet over the map.
    const point = await page.evaluate(() =>
      (window as unknown as { __map: { project(l: [number, number]): { x: number; y: number } } }).__map.project([
        60.5, 49.6,
      ]),
    );
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    const sheet = page.locator('[data-testid=details]');
    await expect.poll(() => sheet.textContent()).toContain('Актюбинская область');
    expect(await sheet.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('unit:aktobe');
    expect(new URL(page.url()).searchParams.has('embed')).toBe(true);
    await screenshot(page, 'embed-ru');
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
