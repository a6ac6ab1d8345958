/**
 * Precision codes of event datasets, read into the atlas's location and date precision. The code's
 * meaning depends on the column it stands in: ACLED's `geo_precision` 2 is a district, UCDP's
 * `where_prec` 2 a point within 25 km.
 */
import type { DatePrecision, FuzzyDate, LocationPrecision } from '../types.ts';
import { parseFuzzyDate } from '../parse/dates.ts';
import { headerKey } from './column-names.ts';

type Codes<T> = Readonly<Record<string, T>>;

/**
 * ACLED geo_precision 1-3; GTD specificity 1-5 (1: coordinates of the town; 2-3: of the smallest
 * administrative area; 4: of the region; 5: of the country); UCDP where_prec 1-7 (2: within 25 km;
 * 5: a stretch across districts; 7: international waters or airspace); the atlas's own words.
 */
const LOCATION_CODES: Readonly<Record<string, Codes<LocationPrecision>>> = {
  'geo precision': { 1: 'town', 2: 'district', 3: 'region' },
  specificity: { 1: 'town', 2: 'district', 3: 'district', 4: 'region', 5: 'country' },
  'where prec': { 1: 'exact', 2: 'town', 3: 'district', 4: 'region', 5: 'region', 6: 'country', 7: 'country' },
};
const ATLAS_LOCATIONS: Codes<LocationPrecision> = {
  exact: 'exact',
  town: 'town',
  district: 'district',
  region: 'region',
  country: 'country',
};

/**
 * @example locationPrecisionOf('2', 'geo_precision') // 'district'
 * @example locationPrecisionOf('5', 'specificity') // 'country'
 */
export function locationPrecisionOf(code: string, column: string): LocationPrecision | { error: string } {
  const table = LOCATION_CODES[headerKey(column)] ?? ATLAS_LOCATIONS;
  const key = code.trim().toLowerCase().replace(/\.0+$/, '');
  return table[key] ?? { error: `"${code}" is not one of the codes ${Object.keys(table).join(', ')} of ${column}` };
}

/** How a code narrows a date: keep it, widen it to its week, or cut it to its month or year. */
type DateRule = 'day' | 'week' | 'month' | 'year' | 'span';

/** ACLED time_precision 1-3 (2: the week of the date); UCDP date_prec 1-5 (from date_start to date_end). */
const DATE_CODES: Readonly<Record<string, Codes<DateRule>>> = {
  'time precision': { 1: 'day', 2: 'week', 3: 'month' },
  'date prec': { 1: 'day', 2: 'span', 3: 'span', 4: 'span', 5: 'span' },
};
const ATLAS_DATES: Codes<DateRule> = { day: 'day', month: 'month', year: 'year', period: 'span' };

export interface DatedSpan {
  start: FuzzyDate;
  end: FuzzyDate | null;
  precision: DatePrecision;
}

const shiftDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A date read back from ISO, or the fallback when it leaves the atlas's years (1900-2100). */
const fuzzy = (iso: string, fallback: FuzzyDate): FuzzyDate => {
  const parsed = parseFuzzyDate(iso);
  return 'error' in parsed ? fallback : parsed;
};

/** The date cut to `length` characters of ISO (7: month, 4: year), never made more precise. */
const cut = (date: FuzzyDate, length: number): FuzzyDate =>
  date.text.length > length ? fuzzy(date.text.slice(0, length), date) : date;

/** A start and end, a period when they differ and a single date when they do not. */
export function span(start: FuzzyDate, end: FuzzyDate | null): DatedSpan {
  if (end === null || (end.text === start.text && end.precision === start.precision)) {
    return { start, end: null, precision: start.precision };
  }
  return { start, end, precision: 'period' };
}

/**
 * Applies a date precision code to the dates read from a row.
 *
 * @example datePrecisionOf('3', 'time_precision', may14, null) // { start: 2011-05, end: null, precision: 'month' }
 * @example datePrecisionOf('2', 'time_precision', may14, null) // { start: 2011-05-11, end: 2011-05-17, precision: 'period' }
 */
export function datePrecisionOf(
  code: string,
  column: string,
  start: FuzzyDate,
  end: FuzzyDate | null,
): DatedSpan | { error: string } {
  const table = DATE_CODES[headerKey(column)] ?? ATLAS_DATES;
  const rule = table[code.trim().toLowerCase().replace(/\.0+$/, '')];
  if (rule === undefined)
    return { error: `"${code}" is not one of the codes ${Object.keys(table).join(', ')} of ${column}` };
  if (rule === 'span' || end !== null) return span(start, end);
  if (rule === 'week' && start.precision === 'day') {
    return span(fuzzy(shiftDays(start.text, -3), start), fuzzy(shiftDays(start.text, 3), start));
  }
  if (rule === 'month') return span(cut(start, 7), null);
  if (rule === 'year') return span(cut(start, 4), null);
  return span(start, null);
}
