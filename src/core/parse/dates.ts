import type { FuzzyDate } from '../types.ts';

const PARTIAL_ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads a partial ISO date (`2011`, `2011-05`, `2011-05-14`) and keeps its precision, so that a
 * date known only to the month is never treated as its first day.
 *
 * @example parseFuzzyDate('2011-05') // { start: '2011-05-01', end: '2011-05-31', precision: 'month' }
 * @returns the date, or a reason why the text is not one
 */
export function parseFuzzyDate(text: string): FuzzyDate | { error: string } {
  const trimmed = text.trim();
  const match = PARTIAL_ISO.exec(trimmed);
  if (!match) return { error: `"${text}" is not a date; write 2011, 2011-05 or 2011-05-14` };
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1900 || year > 2100) return { error: `year ${year} is out of range 1900-2100` };
  if (m === undefined) {
    return { text: trimmed, start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year' };
  }
  const month = Number(m);
  if (month < 1 || month > 12) return { error: `month ${m} does not exist` };
  const lastDay = daysInMonth(year, month);
  if (d === undefined) {
    return { text: trimmed, start: `${y}-${m}-01`, end: `${y}-${m}-${String(lastDay)}`, precision: 'month' };
  }
  const day = Number(d);
  if (day < 1 || day > lastDay) return { error: `day ${d} does not exist in ${y}-${m}` };
  return { text: trimmed, start: trimmed, end: trimmed, precision: 'day' };
}

/** Days in a month of the Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year of an ISO date string. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Whether the ISO interval [start, end] shares at least one day with the years [from, to]. */
export function overlapsYears(start: string, end: string, from: number, to: number): boolean {
  return yearOf(end) >= from && yearOf(start) <= to;
}
