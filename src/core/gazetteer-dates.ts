/**
 * The administrative layouts and their periods, and partial ISO dates (`2018`, `2018-06`,
 * `2018-06-19`): which layout was in force when. Part of the gazetteer (gazetteer.ts re-exports it).
 */
import type { LayoutId } from './types.ts';

/** Layouts in chronological order. */
export const LAYOUTS: readonly LayoutId[] = ['A', 'B', 'C'];

/** First and last day of each layout; null where open-ended. */
export const LAYOUT_PERIODS: Readonly<Record<LayoutId, { from: string | null; to: string | null }>> = {
  A: { from: null, to: '2018-06-18' },
  B: { from: '2018-06-19', to: '2022-06-07' },
  C: { from: '2022-06-08', to: null },
};

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of a year (Gregorian), so that `2024-02` ends on the 29th. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits a partial ISO date into numbers, or null when it is not one (`2018-13`, `18-06-19`). */
function parsePartialDate(text: string): { year: number; month: number | null; day: number | null } | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

/** True for `2018`, `2018-06` and `2018-06-19`. */
export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * First day a partial ISO date covers: `2018` → `2018-01-01`, `2022-06` → `2022-06-01`.
 * @throws when the text is not a partial ISO date.
 */
export function firstDay(partial: string): string {
  const d = parsePartialDate(partial);
  if (!d) throw new Error(`not an ISO date: "${partial}"`);
  return `${d.year}-${pad(d.month ?? 1)}-${pad(d.day ?? 1)}`;
}

/**
 * Last day a partial ISO date covers: `2018` → `2018-12-31`, `2024-02` → `2024-02-29`.
 * @throws when the text is not a partial ISO date.
 */
export function lastDay(partial: string): string {
  const d = parsePartialDate(partial);
  if (!d) throw new Error(`not an ISO date: "${partial}"`);
  const month = d.month ?? 12;
  return `${d.year}-${pad(month)}-${pad(d.day ?? daysInMonth(d.year, month))}`;
}

/** The layout in force on one ISO day (`YYYY-MM-DD`); string order is date order. */
function layoutOnDay(day: string): LayoutId {
  if (day < '2018-06-19') return 'A';
  if (day < '2022-06-08') return 'B';
  return 'C';
}

/**
 * The layout in force at a date.
 *
 * A partial date (`2018`, `2022-06`) is read as its FIRST day, so `2018` → A and `2022-06` → B even
 * though both periods straddle a change: a statistic for "2018" was compiled on the regions that
 * existed when the year began. Use {@link layoutsDuring} when a period may span two layouts.
 *
 * @example layoutAt('2018-06-18') // 'A'
 * @example layoutAt('2018-06-19') // 'B'
 * @example layoutAt('2022-06') // 'B'
 * @throws when the text is not a partial ISO date.
 */
export function layoutAt(isoDate: string): LayoutId {
  return layoutOnDay(firstDay(isoDate));
}

/**
 * Every layout in force at some day of a period, oldest first. Partial dates count whole: the
 * period runs from the first day of `startIso` to the last day of `endIso`.
 *
 * @example layoutsDuring('2018', '2018') // ['A', 'B']
 * @example layoutsDuring('2019-01', '2019-10') // ['B']
 * @throws when a date is malformed or the period ends before it starts.
 */
export function layoutsDuring(startIso: string, endIso: string): LayoutId[] {
  const start = firstDay(startIso);
  const end = lastDay(endIso);
  if (end < start) throw new Error(`period ends (${endIso}) before it starts (${startIso})`);
  const from = LAYOUTS.indexOf(layoutOnDay(start));
  const to = LAYOUTS.indexOf(layoutOnDay(end));
  return LAYOUTS.slice(from, to + 1);
}
