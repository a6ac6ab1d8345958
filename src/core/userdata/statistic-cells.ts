/**
 * The cells of a statistics row that need the gazetteer or the period: where the figure belongs and
 * which article of which Criminal Code it counts.
 */
import type { Statistic, StatLevel } from '../types.ts';
import { editionDuring, parseUserArticle, type Period } from './figures.ts';
import { isNationalName, type Locator } from './locate.ts';
import { refuse, type RowContext } from './rows.ts';

export type Level = Pick<Statistic, 'level' | 'unit' | 'place'>;
export const NATIONAL: Level = { level: 'national', unit: null, place: null };
const at = (level: StatLevel, unit: string | null, place: string | null): Level => ({ level, unit, place });

/** Where a figure belongs: the country ("Всего", "Казахстан"), a unit in force when the period began, or a city. */
export function readLevel(row: RowContext, period: Period, locator: Locator): Level {
  const region = row.cell('region');
  const city = row.cell('place');
  if (city !== '') {
    const found = locator.place(city, period.start);
    return 'error' in found ? refuse(row, 'place', found.error, NATIONAL) : at('city', null, found.place?.id ?? null);
  }
  if (region === '')
    return refuse(row, 'region', 'is blank; name the region, or write "Всего" for the country', NATIONAL);
  if (isNationalName(region)) return NATIONAL;
  const found = locator.region(region, period.start);
  if ('error' in found) return refuse(row, 'region', found.error, NATIONAL);
  return found.place ? at('city', null, found.place.id) : at('region', found.unit?.id ?? null, null);
}

export interface StatisticArticle {
  article: string;
  part: string;
  /** `1997`, `2014`, or '' when the row gives no article. */
  edition: string;
  /** Says so when the edition was inferred from the period. */
  note: string;
}

export const NO_ARTICLE: StatisticArticle = { article: '', part: '', edition: '', note: '' };

/** The article and its code edition: stated in a column or the cell, else the code in force over the period. */
export function readArticle(row: RowContext, period: Period): StatisticArticle {
  const text = row.cell('article');
  const none = NO_ARTICLE;
  if (text === '') return none;
  const read = parseUserArticle(text);
  if ('error' in read) return refuse(row, 'article', read.error, none);
  const stated = row.cell('edition').match(/1997|2014/)?.[0] ?? read.edition;
  const edition = stated ?? editionDuring(period);
  if (edition === null) {
    return refuse(
      row,
      'article',
      'the period spans the change of Criminal Code on 2015-01-01: give the code edition (1997 or 2014)',
      none,
    );
  }
  const note = stated ? '' : `Code edition ${edition} inferred from the period.`;
  return { article: read.article, part: row.cell('part') || read.part, edition, note };
}
