import type { FuzzyDate, Source } from '../types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A partial date in words, never more precise than it is: `2011`, `May 2011`, `14 May 2011`.
 * @example formatFuzzyDate(parseFuzzyDate('2011-05')) // 'May 2011'
 */
export function formatFuzzyDate(date: FuzzyDate): string {
  const [y, m, d] = date.text.split('-');
  if (date.precision === 'year') return y ?? '';
  const month = MONTHS[Number(m) - 1] ?? '';
  return date.precision === 'month' ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** A date or a period: `October–December 2011`, `June 2011 – July 2011`. */
export function formatFuzzyRange(start: FuzzyDate, end: FuzzyDate | null): string {
  if (!end) return formatFuzzyDate(start);
  if (start.precision === 'month' && end.precision === 'month' && start.text.slice(0, 4) === end.text.slice(0, 4)) {
    return `${formatFuzzyDate(start).split(' ')[0]}–${formatFuzzyDate(end)}`;
  }
  return `${formatFuzzyDate(start)} – ${formatFuzzyDate(end)}`;
}

/** `Title. Publisher, author, date (seed file or web address)` for panels and exports; no date when none is stated. */
export function formatSource(source: Source): string {
  const author = source.author && source.author !== 'not stated' ? `, ${source.author}` : '';
  const published = source.published ? `, ${source.published}` : '';
  return `${source.title}. ${source.publisher}${author}${published} (${source.seedFile || source.url})`;
}

/**
 * An event's date as its sources give it: one date when they agree, every distinct date when they
 * do not (`May 2011 or 14 May 2011 or 2011`), so that a list never shows one source's date under
 * another's title.
 */
export function formatEventDates(statements: readonly { dateStart: FuzzyDate; dateEnd: FuzzyDate | null }[]): string {
  return [...new Set(statements.map((s) => formatFuzzyRange(s.dateStart, s.dateEnd)))].join(' or ');
}
