/**
 * The atlas in Russian and Kazakh, as a reader of either language meets it in Chromium: the legend,
 * lists, filters, timeline and map labels translated, no English interface word left on the page
 * (data such as titles and quotes stays as the sources wrote it), and a language picked with the
 * switch remembered for the next visit.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openBrowser, openPage, screenshot, waitForMap } from './browser.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Interface words that would be on the page only if left untranslated. None of them occurs in the
 * curated data's titles, labels or periods (checked when the list was written), so finding one
 * means an English string slipped through.
 */
const ENGLISH_UI = [
  'Not reported',
  'not reported',
  'Incidents',
  'Years',
  'Statistic on the map',
  'Compare with',
  'No comparison',
  'Play',
  'Boundaries',
  'Regions',
  'National figures',
  'Classes and colours',
  'Legend',
  'Export',
  'Share / Embed',
  'Language',
  'Exact day known',
  'drag across the bars',
  'Criminal Code articles',
  'Persons convicted',
  'Detention',
  'Foiled plot',
  'selected categories',
  'Art.',
  'Import boundaries',
  'Units of the',
  'Solid: month known',
  'Made with Natural Earth',
  'km',
];

const regionText = (page: Page, unit: string) =>
  page.locator(`[data-testid=region-table] tr[data-unit="${unit}"] td:last-child`).textContent();

/** The English interface words visible on the page (its rendered text, not hidden or attribute text). */
async function englishLeft(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return ENGLISH_UI.filter((word) => new RegExp(`(?<![A-Za-z])${word.replace('.', '\\.')}(?![A-Za-z])`).test(text));
}

const EXPECTED = {
  ru: {
    title: 'Атлас инцидентов и осуждений в Казахстане',
    legend: 'Осуждённые лица, ст. 256 ч. 2 УК РК (2014), 2017',
    notReported: 'нет данных',
    years: 'Годы',
    play: 'Пуск',
    notReportedLegend: 'Нет данных',
    regions: '(10 регионов)',
  },
  kk: {
    title: 'Қазақстандағы оқиғалар мен айыптау үкімдерінің атласы',
    legend: 'Сотталғандар, ҚР ҚК 256-б. 2-б. (2014), 2017',
    notReported: 'дерек жоқ',
    years: 'Жылдар',
    play: 'Ойнату',
    notReportedLegend: 'Дерек жоқ',
    regions: '(10 өңір)',
  },
} as const;

describe.each(['ru', 'kk'] as const)('the interface in %s', (lang) => {
  it('translates the legend, lists, filters and timeline, and leaves no English interface word', async () => {
    const want = EXPECTED[lang];
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(`${base}?lang=${lang}`);
    await waitForMap(page);

    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.textContent('h1')).toBe(want.title);
    expect(await page.title()).toBe(want.title);
    // (a) Key texts, translated.
    expect((await page.textContent('[data-testid=legend] h2'))?.trim()).toBe(want.legend);
    expect((await page.textContent('[data-testid=legend-not-reported]'))?.trim()).toBe(
      `${want.notReportedLegend} ${want.regions}`,
    );
    expect((await regionText(page, 'pavlodar'))?.trim()).toBe(want.notReported);
    expect((await regionText(page, 'aktobe'))?.trim()).toBe('19');
    const yearLegend = await page.locator('[data-testid=year-range]').evaluate((el) => el.parentElement?.textContent);
    expect(yearLegend?.trim()).toBe(`${want.years} 2004–2026`);
    expect((await page.textContent('[data-testid=play]'))?.trim()).toBe(want.play);
    // The map labels speak the language too: names and "not reported".
    const field = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as { __map: { getLayoutProperty(l: string, p: string): unknown } }).__map.getLayoutProperty(
          'region-label',
          'text-field',
        ),
      ),
    );
    expect(field).toContain(`name_${lang}`);
    expect(field).toContain(want.notReported);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).not.toBe('Zoom in');

    // (b) No English interface word left visible; the data stays as written (an English event title).
    expect(await englishLeft(page)).toEqual([]);
    expect(await page.evaluate(() => document.body.innerText)).toContain(
      'Suicide bombing with several casualties, Aktobe',
    );
    // The data's English words say so, for a screen reader reading the page in its language.
    const titleLangs = await page
      .locator('[data-testid=event-list] li[data-event] > button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('lang')));
    expect(titleLangs.length).toBeGreaterThan(10);
    expect(new Set(titleLangs)).toEqual(new Set(['en']));
    expect(await page.locator('[data-testid=national] .label').first().getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-testid=legend] h2').getAttribute('lang')).toBeNull();

    // The language travels with the view: the URL says it, and the switch shows it.
    expect(new URL(page.url()).searchParams.get('lang')).toBe(lang);
    expect(await page.locator('[data-testid=lang]').inputValue()).toBe(lang);

    // Numbers follow the language: 13 500 000 000 (space groups), never 13,500,000,000.
    const national = ((await page.textContent('[data-testid=national]')) ?? '').replace(/\s/g, ' ');
    expect(national).toContain('13 500 000 000');
    expect(national).not.toContain('13,500,000,000');

    await screenshot(page, `i18n-${lang}`);
    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('translates a selected incident, its dates and counts, and the table', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.goto(`${base}?lang=${lang}&from=2014&to=2014&sel=event:pavlodar-2014-08-detention`);
    await waitForMap(page);
    const words = {
      ru: ['Задержание', 'август 2014', 'задержанных: 4', 'ст. 233 УК РК (1997)', 'Павлодар'],
      kk: ['Ұстау', '2014 жылғы тамыз', 'ұсталғандар: 4', 'ҚР ҚК 233-б. (1997)', 'Павлодар'],
    }[lang];
    // The side panels render once the map is complete, and the details' code loads with them.
    await expect.poll(async () => (await page.textContent('[data-testid=details]')) ?? '').toContain(words[0]);
    const details = (await page.textContent('[data-testid=details]')) ?? '';
    for (const word of words) expect(details).toContain(word);
    await page.click('[data-testid=mode-table]');
    await page.locator('[data-testid=table-view]').waitFor();
    expect(await page.textContent('[data-testid=table-count]')).toMatch(lang === 'ru' ? /^Строк: / : /^Жолдар: /);
    expect(await englishLeft(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the language switch', () => {
  it('changes the whole page at once and is remembered for the next visit', async () => {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    await page.goto(base);
    await waitForMap(page);
    // Chromium here prefers English, and nothing is remembered yet.
    expect(await page.textContent('h1')).toBe('Kazakhstan incident and conviction atlas');
    for (const [code, name] of [
      ['en', 'English'],
      ['ru', 'Русский'],
      ['kk', 'Қазақша'],
    ]) {
      const option = page.locator(`[data-testid=lang] option[value=${code}]`);
      expect(await option.textContent()).toBe(name);
      expect(await option.getAttribute('lang')).toBe(code);
    }

    await page.selectOption('[data-testid=lang]', 'kk');
    await expect.poll(() => page.textContent('h1')).toBe(EXPECTED.kk.title);
    await waitForMap(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    expect(await page.evaluate(() => localStorage.getItem('kz-atlas.lang'))).toBe('kk');
    expect((await regionText(page, 'pavlodar'))?.trim()).toBe('дерек жоқ');
    expect(await englishLeft(page)).toEqual([]);

    // A reload keeps it (the URL says lang=kk) ...
    await page.reload();
    await waitForMap(page);
    expect(await page.textContent('h1')).toBe(EXPECTED.kk.title);
    // ... and so does a plain visit with no language in the link: the choice was remembered.
    await page.goto(base);
    await waitForMap(page);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('kk');
    expect(await page.textContent('h1')).toBe(EXPECTED.kk.title);
    expect((await page.textContent('[data-testid=legend] h2'))?.trim()).toBe(EXPECTED.kk.legend);

    // A link's own language wins over the remembered one, without replacing it.
    await page.goto(`${base}?lang=ru`);
    await waitForMap(page);
    expect(await page.textContent('h1')).toBe(EXPECTED.ru.title);
    expect(await page.evaluate(() => localStorage.getItem('kz-atlas.lang'))).toBe('kk');
    // Old links that chose the map labels' language open in that language.
    await page.goto(`${base}?labels=ru`);
    await waitForMap(page);
    expect(await page.textContent('h1')).toBe(EXPECTED.ru.title);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ru');
    expect(new URL(page.url()).searchParams.has('labels')).toBe(false);

    expect(externalRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
