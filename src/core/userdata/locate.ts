/**
 * Region, place and country names of users' rows, resolved at the row's date with the atlas's
 * resolver; a failure carries the resolver's reason and its suggestions in words.
 */
import type { LayoutId, Place, Unit } from '../types.ts';
import { layoutAt, placeById, unitById } from '../gazetteer.ts';
import { normalizeName } from '../gazetteer-names.ts';
import { resolvePlace, resolveUnit } from '../resolve.ts';

export interface NamedLocation {
  /** The first-level unit in force at the date; null for a place abroad. */
  unit: Unit | null;
  /** The gazetteer place, when the name is a city, town or village. */
  place: Place | null;
}

/** Names longer than this are not names (a shifted cell, a pasted paragraph) and are not looked up. */
const LONGEST_NAME = 100;

const label = (id: string): string => `${unitById(id)?.short.en ?? placeById(id)?.names.en ?? id} (${id})`;
const suggest = (candidates: readonly string[]): string =>
  candidates.length === 0 ? '' : `; did you mean ${candidates.map(label).join(', ')}?`;

/** Where a name puts a row at a date, or why it cannot. */
export type Found = NamedLocation | { error: string };

export interface Locator {
  /** A place of the gazetteer (in Kazakhstan or abroad), with its unit at the date. */
  place(name: string, date: string): Found;
  /** A first-level unit at the date; a city that was no unit then (Shymkent before 2018-06-19) as its place. */
  region(name: string, date: string): Found;
}

/**
 * Looks names up at most once per layout, for tables that repeat a region on every row.
 *
 * @example createLocator().region('ЮКО', '2019-05-01') // { unit: turkistan, place: null }
 * @example createLocator().region('г. Шымкент', '2017-01-01') // { unit: south-kazakhstan, place: shymkent }
 * @example createLocator().region('Актюбинкая', '2015') // { error: 'unknown region name "Актюбинкая"; did you mean Aktobe (aktobe), …?' }
 */
export function createLocator(): Locator {
  const cache = new Map<string, Found>();
  const cached = (kind: string, text: string, date: string, look: (layout: LayoutId) => Found) => {
    const name = text.trim();
    if (name.length > LONGEST_NAME)
      return { error: `"${name.slice(0, 30)}…" is too long (${name.length} characters) to be a name` };
    const layout = layoutAt(date);
    const key = `${kind}\u0000${layout}\u0000${name}`;
    const hit = cache.get(key) ?? look(layout);
    cache.set(key, hit);
    return hit;
  };
  const place = (text: string, date: string): Found =>
    cached('place', text, date, () => {
      const found = resolvePlace(text.trim(), date, { candidates: false });
      if (found.ok) return { unit: found.unit, place: found.place };
      // A place name the gazetteer lacks is only an error for a row with nothing else to place it
      // by: the suggestions (a comparison with every spelling) are worked out when first read.
      let error: string | null = null;
      return {
        get error() {
          if (error === null) {
            const again = resolvePlace(text.trim(), date);
            error = `${found.reason}${suggest(again.ok ? [] : again.candidates)}`;
          }
          return error;
        },
      };
    });
  const region = (text: string, date: string): Found =>
    cached('region', text, date, () => {
      const found = resolveUnit(text.trim(), date);
      if (found.ok) return { unit: found.unit, place: null };
      const city = resolvePlace(text.trim(), date);
      if (city.ok && city.place.country === 'KZ' && city.unit !== null) return { unit: city.unit, place: city.place };
      return { error: `${found.reason}${suggest(found.candidates)}` };
    });
  return { place, region };
}

/** Names of the whole country and of a table's total line: the row is a national figure. */
const NATIONAL = new Set(
  [
    'Казахстан',
    'Республика Казахстан',
    'РК',
    'Kazakhstan',
    'Republic of Kazakhstan',
    'Қазақстан',
    'Қазақстан Республикасы',
    'ҚР',
  ]
    .concat(['Всего', 'Итого', 'Всего по республике', 'По республике', 'Total', 'Барлығы', 'Республика бойынша'])
    .map(normalizeName),
);

/** @example isNationalName('Итого') // true */
export const isNationalName = (text: string): boolean => NATIONAL.has(normalizeName(text));

const COUNTRIES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ['KZ', 'Kazakhstan|KAZ|Казахстан|Қазақстан|Республика Казахстан|Republic of Kazakhstan'],
      ['KG', 'Kyrgyzstan|KGZ|Kyrgyz Republic|Кыргызстан|Киргизия|Қырғызстан'],
      ['UZ', 'Uzbekistan|UZB|Узбекистан|Өзбекстан'],
      ['TJ', 'Tajikistan|TJK|Таджикистан|Тәжікстан'],
      ['TM', 'Turkmenistan|TKM|Туркменистан|Түрікменстан'],
      ['RU', 'Russia|RUS|Russian Federation|Россия|Ресей|Российская Федерация'],
      ['CN', 'China|CHN|Китай|Қытай'],
      ['AF', 'Afghanistan|AFG|Афганистан|Ауғанстан'],
      ['SY', 'Syria|SYR|Сирия'],
      ['IQ', 'Iraq|IRQ|Ирак'],
      ['TR', 'Turkey|Türkiye|TUR|Турция|Түркия'],
    ] as const
  ).flatMap(([code, names]) => names.split('|').map((name) => [normalizeName(name), code])),
);

/**
 * An ISO 3166-1 alpha-2 code from a country cell, or null when blank.
 *
 * @example countryCode('Kazakhstan') // 'KZ'
 * @example countryCode('Киргизия') // 'KG'
 */
export function countryCode(text: string): string | { error: string } | null {
  const cell = text.trim();
  if (cell === '') return null;
  if (/^[A-Z]{2}$/.test(cell)) return cell;
  const code = COUNTRIES[normalizeName(cell)];
  return code ?? { error: `"${cell.slice(0, 40)}" is not a country the atlas knows; write its ISO code, e.g. KG` };
}
