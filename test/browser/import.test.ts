/**
 * A user's own data file, as a user brings it in Chromium: the Russian Excel export (semicolons,
 * Windows-1251, Russian region names, broken rows) read in the worker, reported row by row, its
 * rejected rows downloaded, then added to the map, where every good row lands in its unit and says
 * which file it came from; a file of script and formula payloads shown as text only; the dataset
 * kept across reloads, hidden and removed; a large file read with progress, cancelled, and read
 * without blocking the page. All of it under the production Content-Security-Policy, with no
 * request made for the data.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { unitNameById } from '../../src/i18n/units.ts';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';
import { FORM_1M_ROWS, workbook } from '../helpers/xlsx.ts';
import { fileAt, FORM_1M_REPO, mirrorOf } from '../../src/cli/workbooks.ts';

const base = inject('baseUrl');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RU_FILE = 'incidents-ru-1251.csv';
const RU_PATH = fileURLToPath(new URL(`../fixtures/userdata/${RU_FILE}`, import.meta.url));
const BOUNDARIES = new URL('../../../shared/fixtures/boundaries/', import.meta.url);
let browser: Browser;

type MapHandle = {
  getFeatureState(f: { source: string; id: string }): Record<string, unknown>;
  getSource(id: string): { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
  project(lngLat: [number, number]): { x: number; y: number };
  getContainer(): HTMLElement;
};
type Win = Window & { __map: MapHandle; __xss?: unknown; __csp: string[] };

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Line → [unit at the incident's own date, event id] of every row of the Russian export that the
 * unit tests (test/unit/userdata.test.ts, RUSSIAN_ACCEPTED) accept; the event id is the file and
 * its № column. Line 11 is a bare point of 2020: its unit needs the 2018-2022 boundaries.
 */
const ACCEPTED: Record<number, [string, string]> = {
  2: ['aktobe', '1'],
  3: ['atyrau', '2'],
  4: ['almaty', '3'],
  6: ['south-kazakhstan', '4'],
  7: ['turkistan', '5'],
  8: ['east-kazakhstan', '6'],
  9: ['east-kazakhstan-2022', '7'],
  10: ['abai', '8'],
  11: ['astana', '9'],
  16: ['almaty', '13'],
  18: ['shymkent', '14'],
  22: ['south-kazakhstan', '18'],
  23: ['turkistan', '19'],
  24: ['east-kazakhstan', '20'],
  25: ['east-kazakhstan-2022', '21'],
};
/** Line, column, words of the reason and № of every rejected row (RUSSIAN_REJECTED of the unit tests). */
const REJECTED: [number, string, string, string][] = [
  [13, 'Регион', 'unknown region name "Актюбинкая обл."; did you mean Aktobe (aktobe)', '10'],
  [14, 'Дата', 'day 31 does not exist in 2015-02', '11'],
  [15, 'Широта', 'lies in no region of Kazakhstan (layout A): in the Caspian', '12'],
  [19, 'Погибшие', '"много" is not a count', '15'],
  [20, 'Регион', 'Abai region was created on 2022-06-08; before that its territory was part of East Kazakhstan', '16'],
  [21, 'Широта', 'lies far from Kazakhstan and its neighbours (blank cells saved as zeros?)', '17'],
  [26, 'Тип события', 'event type "Переговоры" has no atlas category', '22'],
];
/**
 * What the incident counts over all years gain from the file, on the units of the layout in force
 * at the end of the range (since 2022, 20 units): a row with coordinates counts in the unit they lie
 * in (lines 6 and 18 in Shymkent, 7 in Turkistan, 8 and 10 in Abai, the bare point of line 11 in
 * Astana); a row with only a region counts in the 2022 unit that region is or became (line 23,
 * Turkistan; line 25, East Kazakhstan as of 2022). Lines 22 (South Kazakhstan, 15 June 2018) and 24
 * (East Kazakhstan, 7 June 2022) count in no unit: those regions were split since, and a figure is
 * never split. 13 of the 15 accepted rows.
 */
const COUNT_GAIN: Record<string, number> = {
  abai: 2,
  aktobe: 1,
  atyrau: 1,
  almaty: 2,
  shymkent: 2,
  turkistan: 2,
  'east-kazakhstan-2022': 2,
  astana: 1,
  'karaganda-2022': 0,
};

const eventId = (file: string, id: string) => `${file}:${id}`;
const regionState = (page: Page, unit: string) =>
  page.evaluate((id) => (window as unknown as Win).__map.getFeatureState({ source: 'regions', id }), unit);
const eventFeatures = (page: Page) =>
  page.evaluate(async () =>
    (await (window as unknown as Win).__map.getSource('events')!.getData()).features.map((f) => ({
      id: String(f.properties?.['id']),
      imported: Number(f.properties?.['imported']),
      coordinates: (f.geometry as GeoJSON.Point).coordinates,
    })),
  );

/** Records Content-Security-Policy violations from the first script on. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as Win).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as Win).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as Win).__csp);

/** Picks files in the "Your data" panel and waits for the report. */
async function importData(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
  await page.locator('[data-testid=data-file]').setInputFiles(files);
  const report = page.locator('[data-testid=data-report]');
  await report.waitFor({ state: 'visible', timeout: 60_000 });
  return report;
}

async function addToMap(page: Page) {
  const report = page.locator('[data-testid=data-report]');
  await report.locator('[data-testid=data-add]').click();
  await report.waitFor({ state: 'hidden' });
  await waitForMap(page);
}

async function downloadFrom(page: Page, selector: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync((await file.path())!);
}

async function exportIncidentsCsv(page: Page): Promise<Buffer> {
  const menu = page.locator('[data-testid=export-menu]');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  return downloadFrom(page, '[data-testid=export-incidents-csv]');
}

function readCsv(bytes: Buffer): { header: string[]; rows: Record<string, string>[] } {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Opens an event's panel from the incident list. */
async function openEvent(page: Page, id: string) {
  await page.locator(`[data-testid=event-list] li[data-event="${id.replace(/["\\]/g, '\\$&')}"] button`).click();
  await page.locator('[data-testid=event-provenance]').waitFor();
}

describe('the Russian Excel export (semicolons, Windows-1251, Russian region names, broken rows)', () => {
  it('is reported row by row, its rejected rows downloaded, and every good row lands in its unit', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await watchCsp(page);
    await page.goto(`${base}?stat=incidents`);
    await waitForMap(page);
    const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const before = Object.fromEntries(
      await Promise.all(Object.keys(COUNT_GAIN).map(async (u) => [u, (await regionState(page, u))['value']] as const)),
    );

    // Every request while the file is read, reported and added: only the app's own code may be one
    // (the reader's chunks, loaded with the first file, and the worker script, once); the file itself
    // goes nowhere.
    const requests: string[] = [];
    page.context().on('request', (request) => requests.push(request.url()));
    const report = await importData(page, RU_PATH);

    expect(await report.locator('[data-testid=data-encoding]').textContent()).toBe('Windows-1251');
    expect(await report.locator('[data-testid=data-delimiter]').textContent()).toBe('semicolon');
    expect(await report.locator('[data-testid=data-decimal-comma]').textContent()).toBe('yes');
    expect(await report.locator('[data-testid=data-kind]').inputValue()).toBe('incidents');
    const count = async (id: string) => Number(await report.locator(`[data-testid=${id}]`).textContent());
    expect([await count('data-rows'), await count('data-accepted'), await count('data-rejected')]).toEqual([22, 15, 7]);
    expect((await count('data-accepted')) + (await count('data-rejected'))).toBe(await count('data-rows'));

    // The column mapping: each file column with the field it is read as.
    const field = (column: string) =>
      report.locator(`[data-testid=data-mapping] tr[data-column="${column}"] select`).inputValue();
    expect(await field('Дата')).toBe('date');
    expect(await field('Регион')).toBe('region');
    expect(await field('Населённый пункт')).toBe('place');
    expect(await field('Широта')).toBe('latitude');
    expect(await field('Тип события')).toBe('category');
    expect(await field('№')).toBe('id');

    // Every rejected row with its line, column and reason.
    const listed = await report
      .locator('[data-testid=data-rejected-rows] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(listed.map(([line]) => Number(line))).toEqual(REJECTED.map(([line]) => line));
    for (const [line, column, words] of REJECTED) {
      const row = listed.find(([l]) => Number(l) === line)!;
      expect(row[1], `line ${line}`).toBe(column);
      expect(row[2], `line ${line}`).toContain(words);
    }
    await expect.poll(() => report.locator('[data-testid=data-unknown-types]').textContent()).toContain('Переговоры');
    await screenshot(page, 'import-report');

    // The rejected rows as CSV: exactly those rows, original cells, and the reason.
    const rejectedCsv = readCsv(await downloadFrom(page, '[data-testid=data-download-rejected]'));
    expect(rejectedCsv.header).toEqual([
      '№',
      'Дата',
      'Регион',
      'Населённый пункт',
      'Широта',
      'Долгота',
      'Тип события',
      'Погибшие',
      'Ранено',
      'Задержано',
      'Источник',
      'Примечание',
      'reason',
    ]);
    expect(rejectedCsv.rows.map((r) => r['№'])).toEqual(REJECTED.map(([, , , id]) => id));
    for (const [line, column, words, id] of REJECTED) {
      const row = rejectedCsv.rows.find((r) => r['№'] === id)!;
      expect(row['reason'], `line ${line}`).toContain(`${column}: `);
      expect(row['reason'], `line ${line}`).toContain(words);
    }
    expect(rejectedCsv.rows.find((r) => r['№'] === '11')).toMatchObject({ Дата: '31.02.2015', Регион: 'г. Алматы' });
    expect(rejectedCsv.rows.find((r) => r['№'] === '12')).toMatchObject({ Широта: '42,50', Долгота: '50,00' });

    await addToMap(page);
    // The app's own code, and the embedded units of every layout, which placing a file's points needs.
    const ownCode = (url: string) => url.startsWith(`${base}assets/`) && /\.(js|css|topojson)$/.test(url);
    expect(requests.filter((url) => !ownCode(url))).toEqual([]);
    expect(requests.filter((url) => /user-data\.worker/.test(url))).toHaveLength(1);
    expect(await page.locator('[data-testid=datasets] li').count()).toBe(1);

    // The incident counts gain exactly the file's rows, each in its unit.
    for (const [unit, gain] of Object.entries(COUNT_GAIN)) {
      expect((await regionState(page, unit))['value'], unit).toBe(Number(before[unit]) + gain);
    }

    // Markers: one per event of the file, marked as imported; the bare point of line 11 at its own
    // coordinates (not at a gazetteer place, and not left unplaced).
    const features = await eventFeatures(page);
    const mine = features.filter((f) => f.id.startsWith(`${RU_FILE}:`));
    expect(mine.map((f) => f.id).sort()).toEqual(
      Object.values(ACCEPTED)
        .map(([, id]) => eventId(RU_FILE, id))
        .sort(),
    );
    expect(mine.every((f) => f.imported === 1)).toBe(true);
    // They are drawn apart from curated markers (a white ring layer) and the legend says so.
    expect(
      await page.evaluate(() =>
        Boolean((window as unknown as { __map: { getLayer(id: string): unknown } }).__map.getLayer('event-imported')),
      ),
    ).toBe(true);
    expect(await page.locator('[data-testid=legend-imported]').textContent()).toContain('your files');
    expect(features.filter((f) => !f.id.startsWith(`${RU_FILE}:`)).every((f) => f.imported === 0)).toBe(true);
    expect(mine.find((f) => f.id === eventId(RU_FILE, '9'))?.coordinates).toEqual([71.43, 51.17]);
    expect(mine.find((f) => f.id === eventId(RU_FILE, '1'))?.coordinates).toEqual([57.17, 50.28]);
    expect(await page.locator('[data-testid=event-list] li[data-imported]').count()).toBe(15);
    // A file's words are in a language the atlas does not know: unlike the curated English titles,
    // they are not marked as English.
    const langs = await page
      .locator('[data-testid=event-list] li[data-event] > button')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.closest('li')!.hasAttribute('data-imported'), b.getAttribute('lang')] as const),
      );
    expect(langs.filter(([imported]) => imported).every(([, lang]) => lang === null)).toBe(true);
    expect(langs.filter(([imported]) => !imported).every(([, lang]) => lang === 'en')).toBe(true);

    // Each event's panel names its file and the unit it lay in at its own date.
    for (const [line, [unit, id]] of Object.entries(ACCEPTED)) {
      await openEvent(page, eventId(RU_FILE, id));
      expect(await page.textContent('[data-testid=event-provenance]')).toContain(`From your file ${RU_FILE}`);
      // A row without a quote shows no empty quotation marks.
      expect(await page.locator('[data-testid=details] blockquote', { hasText: /^“”$/ }).count()).toBe(0);
      expect(await page.textContent('[data-testid=event-unit]'), `line ${line}`).toContain(
        `In ${unitNameById(unit, 'en', 'full')} at the time`,
      );
    }
    await openEvent(page, eventId(RU_FILE, '1'));
    const details = (await page.textContent('[data-testid=details]')) ?? '';
    expect(details).toContain('Взрыв у здания КНБ');
    expect(details).toContain('tengrinews.kz');
    await page.evaluate(() => document.querySelector('[data-testid=details]')?.scrollIntoView());
    await waitForMap(page);
    await screenshot(page, 'import-map');
    // A curated event says so.
    await page.goto(`${base}?stat=incidents&sel=event:aktobe-2011-05-bombing`);
    await waitForMap(page);
    expect(await page.textContent('[data-testid=event-provenance]')).toContain('Curated data');

    expect(await cspViolations(page)).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('places the bare point of 2020 in Astana once the 2018-2022 boundaries are loaded, and maps an unknown event type', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=incidents`);
    await waitForMap(page);
    await page
      .locator('[data-testid=boundary-file]')
      .setInputFiles(fileURLToPath(new URL('kaz_admbnda_adm1_2018.geojson', BOUNDARIES)));
    const boundaryReport = page.locator('[data-testid=import-report]');
    await boundaryReport.locator('[data-testid=import-add]').click();
    await boundaryReport.waitFor({ state: 'hidden' });
    await waitForMap(page);

    const report = await importData(page, RU_PATH);
    expect(await report.locator('[data-testid=data-accepted]').textContent()).toBe('15');
    // "Переговоры" (negotiations) has no atlas category: file it under security operations.
    await report.getByLabel('Category for Переговоры').selectOption('security_operation');
    await expect.poll(() => report.locator('[data-testid=data-accepted]').textContent()).toBe('16');
    expect(await report.locator('[data-testid=data-rejected]').textContent()).toBe('6');
    expect(await report.locator('[data-testid=data-rows]').textContent()).toBe('22');
    // Re-assigning a column reads the file again: without its region column, line 13's misspelt
    // region no longer rejects it (its coordinates place it).
    await report.getByLabel('Read column Регион as').selectOption('');
    await expect.poll(() => report.locator('[data-testid=data-rejected-rows] tr[data-line="13"]').count()).toBe(0);
    await report.getByLabel('Read column Регион as').selectOption('region');
    await expect.poll(() => report.locator('[data-testid=data-rejected-rows] tr[data-line="13"]').count()).toBe(1);
    expect(await report.locator('[data-testid=data-accepted]').textContent()).toBe('16');
    await addToMap(page);

    await openEvent(page, eventId(RU_FILE, '9'));
    expect(await page.textContent('[data-testid=event-unit]')).toContain(
      `In ${unitNameById(ACCEPTED[11]![0], 'en', 'full')} at the time (2020)`,
    );
    await openEvent(page, eventId(RU_FILE, '22'));
    expect(await page.textContent('[data-testid=details]')).toContain('Security operation');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '" onmouseover="window.__xss=1',
  'javascript:window.__xss=1',
  '=HYPERLINK("http://x","y")',
];
const XSS_FILE = `xss-<img src=x onerror="window.__xss=1">.csv`;

/** A comma-separated file with every text cell quoted: five good rows and five bad event types. */
function xssFile(): string {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const header = [
    'id',
    'date',
    'latitude',
    'longitude',
    'place',
    'title',
    'event_type',
    'perpetrator',
    'source',
    'notes',
  ];
  const good = PAYLOADS.map((p, i) => [
    p,
    `2015-0${i + 1}-10`,
    `${49 + i * 0.5}`,
    `${70 + i}`,
    p,
    p,
    'Attack',
    p,
    p,
    p,
  ]);
  const bad = PAYLOADS.map((p, i) => [`bad-${i}`, '2015-06-10', '49.8', '73.1', p, p, p, p, p, p]);
  return `${[header, ...good, ...bad].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

describe('a file of script and formula payloads', () => {
  it('is shown as text everywhere, runs nothing, and exports neutralised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kz-atlas-xss-'));
    const path = join(dir, XSS_FILE);
    writeFileSync(path, xssFile());
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await watchCsp(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${base}?from=2015&to=2015`);
    await waitForMap(page);

    const report = await importData(page, path);
    expect(await report.locator('[data-testid=data-accepted]').textContent()).toBe('5');
    expect(await report.locator('[data-testid=data-rejected]').textContent()).toBe('5');
    const reportText = (await report.textContent()) ?? '';
    for (const p of PAYLOADS) expect(reportText).toContain(p);
    await report.locator('[data-testid=data-unknown-types] li').first().hover();
    const rejectedCsv = readCsv(await downloadFrom(page, '[data-testid=data-download-rejected]'));
    expect(rejectedCsv.rows).toHaveLength(5);
    expect(rejectedCsv.rows.find((r) => r['id'] === 'bad-4')?.['title']).toBe(`'${PAYLOADS[4]}`);
    await addToMap(page);

    // The panel of each event, and its list entry and marker hovered.
    for (const p of PAYLOADS) {
      const id = eventId(XSS_FILE, p);
      await page.locator(`[data-testid=event-list] li[data-event="${id.replace(/["\\]/g, '\\$&')}"]`).hover();
      await openEvent(page, id);
      const details = (await page.textContent('[data-testid=details]')) ?? '';
      expect(details).toContain(p);
      expect(details).toContain(`From your file ${XSS_FILE}`);
    }
    const marker = await page.evaluate((id) => {
      const map = (window as unknown as Win).__map;
      const box = map.getContainer().getBoundingClientRect();
      const at = map.project([70, 49]);
      return { x: box.left + at.x, y: box.top + at.y, id };
    }, PAYLOADS[0]);
    await page.mouse.move(marker.x, marker.y);
    await page.mouse.click(marker.x, marker.y);
    await page.waitForTimeout(300);

    // The table, hovered row by row.
    await page.click('[data-testid=mode-table]');
    const table = page.locator('[data-testid=table-view]');
    await table.getByRole('tab', { name: 'Incidents' }).click();
    const tableText = (await table.textContent()) ?? '';
    for (const p of PAYLOADS) expect(tableText).toContain(p);
    for (const row of await table.locator('tbody tr').all()) await row.hover();

    // The export: every payload kept as text, the formula neutralised.
    const exported = readCsv(await exportIncidentsCsv(page));
    const rows = exported.rows.filter((r) => r['source'] === XSS_FILE);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r['title']).sort()).toEqual([...PAYLOADS.slice(0, 4), `'${PAYLOADS[4]}`].sort());
    expect(rows.find((r) => r['title'] === `'${PAYLOADS[4]}`)?.['perpetrator']).toBe(`'${PAYLOADS[4]}`);

    expect(await page.evaluate(() => (window as unknown as Win).__xss)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(
      await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length),
    ).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[onmouseover],[onerror]').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('an imported dataset', () => {
  it('stays after a reload, hides and shows its markers, and is removed', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?stat=incidents`);
    await waitForMap(page);
    await importData(page, RU_PATH);
    await addToMap(page);
    const imported = async () => (await eventFeatures(page)).filter((f) => f.imported === 1).length;
    expect(await imported()).toBe(15);

    await page.reload();
    await waitForMap(page);
    const item = page.locator(`[data-testid=datasets] li[data-dataset="${RU_FILE}"]`);
    await item.waitFor();
    await expect.poll(imported).toBe(15);

    await item.locator('[data-testid=dataset-visible]').uncheck();
    await waitForMap(page);
    await expect.poll(imported).toBe(0);
    expect(await page.locator('[data-testid=event-list] li[data-imported]').count()).toBe(0);
    await page.reload();
    await waitForMap(page);
    await item.waitFor();
    expect(await item.locator('[data-testid=dataset-visible]').isChecked()).toBe(false);
    expect(await imported()).toBe(0);
    await item.locator('[data-testid=dataset-visible]').check();
    await expect.poll(imported).toBe(15);

    await item.locator('[data-testid=dataset-remove]').click();
    await expect.poll(() => page.locator('[data-testid=datasets] li').count()).toBe(0);
    await expect.poll(imported).toBe(0);
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('[data-testid=datasets] li').count()).toBe(0);
    expect(await imported()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

/** A table of `rows` incidents with coordinates in central Kazakhstan, built in memory. */
function largeFile(rows: number): Buffer {
  const lines = ['date,latitude,longitude,event_type,title'];
  for (let i = 0; i < rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    // 48.00-50.99 N, 66.00-74.99 E: inside Kazakhstan's 1997-2018 units, clear of the big lakes.
    lines.push(
      `2015-${month}-10,${(48 + (i % 300) / 100).toFixed(2)},${(66 + (i % 900) / 100).toFixed(2)},Attack,Row ${i}`,
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe("an Excel workbook (.xlsx) in the shape of the prosecutors' Form 1-M", () => {
  it('is read sheet by sheet, asks for its period, accounts for every row and is added to the map', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    const bytes = await workbook(
      [
        { sheet: 'R1', rows: FORM_1M_ROWS },
        {
          sheet: 'Лист2',
          rows: [
            ['Регион', 'Год', 'Статья', 'Количество'],
            ['Астана', 2019, 256, 2],
          ],
        },
      ],
      '1-M  область Абай (Свод)',
    );
    const report = await importData(page, { name: 'Abay.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) });
    expect(await report.locator('[data-testid=data-format]').textContent()).toBe('Excel workbook (.xlsx)');
    expect(await report.locator('[data-testid=data-sheet] option').allTextContents()).toEqual(['R1', 'Лист2']);
    expect(await report.locator('[data-testid=data-form-sheet]').count()).toBe(1);
    // The form writes no period: every row waits for it, with the reason.
    expect(await report.locator('[data-testid=data-rows]').textContent()).toBe('9');
    expect(await report.locator('[data-testid=data-rejected]').textContent()).toBe('9');
    expect(await report.locator('[data-testid=data-form-region]').inputValue()).toBe('область Абай');

    await report.locator('[data-testid=data-period]').fill('2022');
    await report.locator('[data-testid=data-period]').press('Enter');
    await expect.poll(() => report.locator('[data-testid=data-accepted]').textContent()).toBe('4');
    expect(await report.locator('[data-testid=data-rejected]').textContent()).toBe('5');
    const rejectedRows = await report
      .locator('[data-testid=data-rejected-rows] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')));
    expect(rejectedRows).toEqual(['8', '9', '12', '13', '14']);
    expect(await report.locator('[data-testid=data-rejected-rows] thead th').first().textContent()).toBe('Sheet row');
    const download = (await downloadFrom(page, '[data-testid=data-download-rejected]')).toString('utf8');
    expect(download).toContain('Заведомо ложное сообщение об акте терроризма (ст.273)');
    expect(download).toContain('F12 is blank (not reported)');

    // The other sheet is a table: its columns are listed, its rows read as a CSV file's.
    await report.locator('[data-testid=data-sheet]').selectOption('Лист2');
    await expect.poll(() => report.locator('[data-testid=data-mapping] tbody tr').count()).toBe(4);
    expect(await report.locator('[data-testid=data-rows]').textContent()).toBe('1');
    await report.locator('[data-testid=data-sheet]').selectOption('R1');
    await expect.poll(() => report.locator('[data-testid=data-form-sheet]').count()).toBe(1);
    await report.locator('[data-testid=data-period]').fill('2022');
    await report.locator('[data-testid=data-period]').press('Enter');
    await expect.poll(() => report.locator('[data-testid=data-accepted]').textContent()).toBe('4');

    await addToMap(page);
    expect(await page.locator('[data-testid=datasets] li').count()).toBe(1);
    const menu = page.locator('[data-testid=series]');
    // The file's series of Art. 255 (beside the curated one of the same title).
    const values = await menu
      .locator('option', { hasText: 'Art. 255 (2014 code), 2022' })
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const imported = values.filter((v) => v.startsWith('Abay.xlsx:R1:'));
    expect(imported).toHaveLength(1);
    // The two look alike but for the file the menu names.
    const texts = await menu
      .locator('option', { hasText: 'Art. 255 (2014 code), 2022' })
      .evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    for (const [value, text] of texts)
      expect(text!.endsWith(' · your file: Abay.xlsx'), text).toBe(value!.startsWith('Abay.xlsx:R1:'));
    expect(texts.length).toBeGreaterThan(1);
    await menu.selectOption(imported[0]!);
    await waitForMap(page);
    // Abai's figure of 2022 colours Abai's own polygon, of the layout since June 2022.
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as Win).__map.getFeatureState({ source: 'regions', id: 'abai' })['value'],
        ),
      )
      .toBe(2);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!mirrorOf(FORM_1M_REPO))(
  "a workbook of open-data-kazakhstan/city-crime (skipped when the repository's copy is absent)",
  () => {
    it('imports with every row of its first sheet accounted for', async () => {
      const { page, consoleErrors } = await openPage(browser);
      await page.goto(base);
      await waitForMap(page);
      const buffer = Buffer.from(fileAt(FORM_1M_REPO, 'archive/Almaty Region.XLSX'));
      const report = await importData(page, { name: 'Almaty Region.XLSX', mimeType: XLSX_TYPE, buffer });
      expect(await report.locator('[data-testid=data-sheet] option').count()).toBe(26);
      expect(await report.locator('[data-testid=data-form-region]').inputValue()).toBe('Алматинская область');
      await report.locator('[data-testid=data-period]').fill('2022');
      await report.locator('[data-testid=data-period]').press('Enter');
      await expect
        .poll(() => report.locator('[data-testid=data-accepted]').textContent(), { timeout: 60_000 })
        .toBe('378');
      expect(await report.locator('[data-testid=data-rows]').textContent()).toBe('422');
      expect(await report.locator('[data-testid=data-rejected]').textContent()).toBe('44');
      expect(consoleErrors).toEqual([]);
      await page.context().close();
    });
  },
);

describe('a large file', () => {
  it('shows its progress and can be cancelled', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    // An old Excel file is refused with a word on how to save it.
    await page
      .locator('[data-testid=data-file]')
      .setInputFiles({ name: 'table.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('\xd0\xcf') });
    expect(await page.textContent('[data-testid=data-not-data]')).toContain(
      'table.xls is not a CSV, TSV, TXT or XLSX file',
    );
    await page
      .locator('[data-testid=data-file]')
      .setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: largeFile(200_000) });
    const bar = page.locator('[data-testid=data-progress]');
    await expect
      .poll(async () => Number((await bar.getAttribute('value')) ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await bar.getAttribute('max')).toBe('200000');
    expect(await page.textContent('[data-testid=data-progress-text]')).toMatch(/of 200,000 rows read/);
    await page.click('[data-testid=data-cancel]');
    expect(await page.textContent('[data-testid=data-status]')).toContain('Reading large.csv was cancelled.');
    expect(await bar.count()).toBe(0);
    expect(await page.locator('[data-testid=data-file]').isEnabled()).toBe(true);
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-testid=data-report]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=datasets] li').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('is read without blocking the page: no long task over 100 ms while 100,000 rows are read', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    await page.evaluate(() => {
      const w = window as unknown as {
        __long: { start: number; duration: number }[];
        __readDone: number | null;
        __started: number;
      };
      w.__long = [];
      w.__readDone = null;
      // Reading starts when the file is picked (the input's change event).
      document
        .querySelector('[data-testid=data-file]')!
        .addEventListener('change', () => (w.__started = performance.now()), { capture: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      // The moment the worker reports its last row read: what follows is the hand-over of the result.
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid=data-progress]');
        if (w.__readDone === null && bar?.hasAttribute('value') && bar.value === bar.max && bar.max > 1)
          w.__readDone = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // The file is given by path: a buffer would be decoded from base64 by Playwright's own script
    // on the page's main thread, a long task of the harness, not of the atlas.
    const path = join(mkdtempSync(join(tmpdir(), 'kz-atlas-large-')), 'large.csv');
    writeFileSync(path, largeFile(100_000));
    const report = await importData(page, path);
    expect(await report.locator('[data-testid=data-rows]').textContent()).toBe('100,000');
    expect(await report.locator('[data-testid=data-accepted]').textContent()).toBe('100,000');
    const { long, readDone, started, now } = await page.evaluate(() => {
      const w = window as unknown as {
        __long: { start: number; duration: number }[];
        __readDone: number | null;
        __started: number;
      };
      return { long: w.__long, readDone: w.__readDone, started: w.__started, now: performance.now() };
    });
    console.log(
      `long tasks from the file's pick: ${long.map((t) => `${Math.round(t.start - started)}+${Math.round(t.duration)} ms`).join(', ')}`,
    );
    expect(readDone).not.toBeNull();
    const reading = long.filter((t) => t.start >= started && t.start < readDone!);
    const handOver = long.filter((t) => t.start >= readDone!);
    const longest = (tasks: { duration: number }[]) => Math.max(0, ...tasks.map((t) => Math.round(t.duration)));
    console.log(
      `100,000 rows: read in ${Math.round(readDone! - started)} ms; long tasks while reading: ${reading.length} ` +
        `(longest ${longest(reading)} ms); after the last row (hand-over of the result and the report): ` +
        `${handOver.map((t) => `${Math.round(t.duration)} ms`).join(', ') || 'none'}; total ${Math.round(now - started)} ms`,
    );
    expect(longest(reading)).toBeLessThanOrEqual(100);
    await screenshot(page, 'import-report-100k');
    await report.locator('[data-testid=data-report-cancel]').click();
    await report.waitFor({ state: 'hidden' });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

/**
 * 20,000 attacks in Karaganda region (47.8-49.0 N, 69-73 E): 5,000 in 2013, 15,000 in 2015, every
 * tenth of 2015's known only to the month. More than the 5,000 statements above which a file is held
 * in columns.
 */
function bigFile(): string {
  const lines = ['date,latitude,longitude,event_type,title'];
  for (let i = 0; i < 20_000; i++) {
    const year = i < 5000 ? 2013 : 2015;
    const month = String((i % 12) + 1).padStart(2, '0');
    const date = year === 2015 && i % 10 === 0 ? `${month}.2015` : `${year}-${month}-1${i % 9}`;
    const lat = (47.8 + (i % 120) / 100).toFixed(2);
    const lon = (69 + (Math.floor(i / 120) % 400) / 100).toFixed(2);
    lines.push(`${date},${lat},${lon},Attack,Big row ${i}`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'kz-atlas-big-')), 'big.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function regionValues(page: Page): Promise<Record<string, string>> {
  const rows = await page.$$eval('[data-testid=region-table] tbody tr', (trs) =>
    trs.map((tr) => [tr.getAttribute('data-unit'), tr.querySelector('td:last-child')?.textContent?.trim() ?? '']),
  );
  return Object.fromEntries(rows) as Record<string, string>;
}

const digitsOf = (text: string | null | undefined) => Number((text ?? '').replace(/\D/g, ''));

describe('a large file, held in columns', () => {
  it('counts in its units, the timeline and the list, draws by year, opens an event from its marker, survives a reload', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?year=2015&stat=incidents`);
    await waitForMap(page);
    const curated = digitsOf((await regionValues(page))['karaganda']);
    const report = await importData(page, bigFile());
    expect(await report.locator('[data-testid=data-accepted]').textContent()).toBe('20,000');
    await addToMap(page);

    // The choropleth counts them in Karaganda region, for the year shown only.
    await expect.poll(async () => digitsOf((await regionValues(page))['karaganda'])).toBe(curated + 15_000);
    expect(await page.textContent('[data-testid=bulk-count]')).toContain('15,000 more incidents, from big.csv');
    // The timeline has them in their years; 2015's month-only dates are still in their months.
    const chart = await page.getAttribute('[data-testid=timeline] [aria-label^="Incidents per year"]', 'aria-label');
    expect(chart).toMatch(/2013: 5,0\d\d/);
    expect(chart).toMatch(/2015: 15,0\d\d/);

    // The markers of 2015 are drawn, those of 2013 are not (the slider shows whole years).
    const drawn = () =>
      page.evaluate(() => {
        const map = (window as unknown as { __map: MapLibreMap }).__map;
        const ids = map.getStyle().layers.filter((l) => /^bulk-.*-\d{4}$/.test(l.id));
        return Object.fromEntries(
          ids.map((l) => [l.id.slice(-4), map.getPaintProperty(l.id, 'circle-opacity') as number]),
        );
      });
    await expect.poll(drawn).toEqual({ '2013': 0, '2015': 0.85 });
    // At the country's zoom they are drawn as clusters, which hold every one of the year's events.
    const inClusters = await page.evaluate(() => {
      const map = (window as unknown as { __map: MapLibreMap }).__map;
      const layers = map
        .getStyle()
        .layers.filter((l) => /^bulk-.*-2015(-clusters)?$/.test(l.id))
        .map((l) => l.id);
      const features = map.queryRenderedFeatures({ layers });
      return {
        clusters: features.filter((f) => f.properties['point_count']).length,
        events: features.reduce((n, f) => n + Number(f.properties['point_count'] ?? 1), 0),
      };
    });
    expect(inClusters.clusters).toBeGreaterThan(0);
    expect(inClusters.events).toBe(15_000);
    await screenshot(page, 'large-file-2015');

    // A marker opens its event, read back from the stored records, with its file named.
    const clicked = async () => {
      await page.evaluate(() =>
        (window as unknown as { __map: MapLibreMap }).__map.jumpTo({ center: [71, 48.4], zoom: 8 }),
      );
      await waitForMap(page);
      const point = await page.evaluate(() => {
        const map = (window as unknown as { __map: MapLibreMap }).__map;
        const layers = map
          .getStyle()
          .layers.filter((l) => /^bulk-.*-2015$/.test(l.id))
          .map((l) => l.id);
        // The marker nearest the middle of the map, clear of the edges and the controls.
        const box = map.getCanvas().getBoundingClientRect();
        const [cx, cy] = [box.width / 2, box.height / 2];
        const points = map.queryRenderedFeatures({ layers }).map((f) => {
          const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
          return map.project([lon, lat]);
        });
        const { x, y } = points.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy))[0]!;
        return { x: box.left + x, y: box.top + y };
      });
      await page.mouse.click(point.x, point.y);
      await expect.poll(() => page.textContent('[data-testid=details]'), { timeout: 10_000 }).toMatch(/Big row \d+/);
      expect(await page.textContent('[data-testid=event-provenance]')).toContain('big.csv');
    };
    await clicked();
    await screenshot(page, 'large-file-event');

    // The export of the incidents shown holds every one of them, the file's read back from its store.
    const exported = readCsv(await exportIncidentsCsv(page));
    const big = exported.rows.filter((r) => r['source'] === 'big.csv');
    expect(big).toHaveLength(15_000);
    expect(new Set(big.map((r) => r['title'])).size).toBe(15_000);
    expect(big.every((r) => r['date_start']?.includes('2015'))).toBe(true);
    // The category filter counts them too, in the years shown: the file's 15,000 attacks of 2015
    // (of its 20,000), and no curated attack in 2015.
    expect(
      await page
        .locator('label', { hasText: /^\s*Attack/ })
        .first()
        .textContent(),
    ).toMatch(/\(15,000\)/);

    // Another year: the counts and layers follow.
    await page.goto(`${base}?year=2013&stat=incidents`);
    await waitForMap(page);
    await expect.poll(async () => digitsOf((await regionValues(page))['karaganda'])).toBeGreaterThanOrEqual(5000);
    await expect.poll(drawn).toEqual({ '2013': 0.85, '2015': 0 });

    // After a reload (the last goto), the file came back from IndexedDB, records included.
    await page.goto(`${base}?year=2015&stat=incidents`);
    await waitForMap(page);
    await expect.poll(async () => digitsOf((await regionValues(page))['karaganda'])).toBe(curated + 15_000);
    await clicked();

    // Removed, it leaves the counts and the map.
    await page.locator('[data-dataset="big.csv"] [data-testid=dataset-remove]').click();
    await expect.poll(async () => digitsOf((await regionValues(page))['karaganda'])).toBe(curated);
    await expect.poll(drawn).toEqual({});
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
