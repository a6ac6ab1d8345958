/**
 * Dates as users' files write them, read into the atlas's partial ISO dates without inventing
 * precision: `май 2011` is May 2011, not 1 May 2011.
 */
import type { FuzzyDate } from '../types.ts';
import { parseFuzzyDate } from '../parse/dates.ts';

/** A date read from a user's cell; `date.text` is its ISO form (`2011-05-14`, `2011-05`, `2011`). */
export type UserDate = { date: FuzzyDate; warning: string | null } | { error: string };

const MONTH_WORDS: readonly string[][] = [
  ['january', 'jan', 'январь', 'января', 'янв', 'қаңтар'],
  ['february', 'feb', 'февраль', 'февраля', 'фев', 'февр', 'ақпан'],
  ['march', 'mar', 'март', 'марта', 'мар', 'наурыз'],
  ['april', 'apr', 'апрель', 'апреля', 'апр', 'сәуір'],
  ['may', 'май', 'мая', 'мамыр'],
  ['june', 'jun', 'июнь', 'июня', 'июн', 'маусым'],
  ['july', 'jul', 'июль', 'июля', 'июл', 'шілде'],
  ['august', 'aug', 'август', 'августа', 'авг', 'тамыз'],
  ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сен', 'сент', 'қыркүйек'],
  ['october', 'oct', 'октябрь', 'октября', 'окт', 'қазан'],
  ['november', 'nov', 'ноябрь', 'ноября', 'ноя', 'нояб', 'қараша'],
  ['december', 'dec', 'декабрь', 'декабря', 'дек', 'желтоқсан'],
];

/** Month number (1-12) of a month name or abbreviation in English, Russian or Kazakh. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '').replace('ё', 'е');
  const index = MONTH_WORDS.findIndex((words) => words.includes(w));
  return index < 0 ? null : index + 1;
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?`;
const WORD = String.raw`([\p{L}]+\.?)`;
const PATTERNS: readonly [RegExp, (m: string[]) => [string, string | null, string | null]][] = [
  [new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`, 'u'), (m) => [m[1]!, m[2]!, m[3]!]],
  [/^(\d{4})-(\d{1,2})$/, (m) => [m[1]!, m[2]!, null]],
  [/^(\d{4})$/, (m) => [m[1]!, null, null]],
  [new RegExp(`^(\\d{1,2})[./](\\d{1,2})[./](\\d{4})${TIME}$`, 'u'), (m) => [m[3]!, m[2]!, m[1]!]],
  [/^(\d{1,2})\.(\d{4})$/, (m) => [m[2]!, m[1]!, null]],
  [new RegExp(`^(\\d{1,2})[ -]${WORD}[ -](\\d{4})$`, 'u'), (m) => [m[3]!, m[2]!, m[1]!]],
  [new RegExp(`^${WORD} (\\d{1,2}),? (\\d{4})$`, 'u'), (m) => [m[3]!, m[1]!, m[2]!]],
  [new RegExp(`^${WORD}[ -](\\d{4})$`, 'u'), (m) => [m[2]!, m[1]!, null]],
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** A month given as digits or as a word, or null. */
const monthOf = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : monthNumber(text));

/**
 * Reads a date written in any of the ways users' tables write one: ISO (`2011-05-14`, `2011-05`,
 * `2011`, with a time of day ignored), `14.05.2011`, `4.5.2011`, `05.2011`, `14/05/2011` (day
 * first; a warning when the day could be the month), `14 May 2011`, `14-May-2011`, `May 14, 2011`,
 * `14 мая 2011 г.`, `май 2011`, `14 мамыр 2011`.
 *
 * @example parseUserDate('14.05.2011') // { date: { text: '2011-05-14', start: '2011-05-14', end: '2011-05-14', precision: 'day' }, warning: null }
 * @example parseUserDate('май 2011') // { date: { text: '2011-05', …, precision: 'month' }, warning: null }
 * @example parseUserDate('05/04/2011') // { date: { text: '2011-04-05', … }, warning: '"05/04/2011" read day first as 5 April 2011 (month first it would be 4 May)' }
 */
export function parseUserDate(text: string): UserDate {
  const cell = text.trim();
  if (cell.length > 60) return { error: `"${cell.slice(0, 30)}…" is not a date (${cell.length} characters)` };
  const clean = cell
    .replace(/\s+/g, ' ')
    .replace(/ ?(г\.?|года?|год|ж\.?|жылы?|жылғы)$/iu, '')
    .replace(/^(\p{L}+)\.(?= )/u, '$1');
  for (const [pattern, parts] of PATTERNS) {
    const m = pattern.exec(clean);
    if (!m) continue;
    const [y, mo, d] = parts([...m]);
    const month = mo === null ? null : monthOf(mo);
    if (mo !== null && month === null) return { error: `"${cell}": "${mo}" is not a month name` };
    if (month !== null && (month < 1 || month > 12)) {
      const hint = cell.includes('/') ? ' (dates with / are read day first: DD/MM/YYYY)' : '';
      return { error: `"${cell}": month ${month} does not exist${hint}` };
    }
    const iso = [y, month === null ? null : pad(month), d === null ? null : pad(Number(d))]
      .filter((x) => x !== null)
      .join('-');
    const date = parseFuzzyDate(iso);
    if ('error' in date) return { error: `"${cell}": ${date.error}` };
    return { date, warning: dayMonthAmbiguity(cell, Number(d), month) };
  }
  const serial = /^\d{5}$/.test(clean) ? ' (an Excel day number? format the column as a date before saving)' : '';
  return { error: `"${cell}" is not a date; write 2011-05-14, 14.05.2011, 14 May 2011, 05.2011 or 2011${serial}` };
}

/** A warning for `05/04/2011`: slash dates are read day first, but this one could be month first. */
function dayMonthAmbiguity(cell: string, day: number, month: number | null): string | null {
  if (!cell.includes('/') || month === null || day > 12 || day === month) return null;
  const name = (n: number): string => MONTH_WORDS[n - 1]![0]!.replace(/^./, (c) => c.toUpperCase());
  return `"${cell}" read day first as ${day} ${name(month)} (month first it would be ${month} ${name(day)})`;
}

/**
 * GTD's split date: `iyear`, `imonth`, `iday`, where 0 (or blank) means unknown and the date keeps
 * only what is known. A failure names the part at fault.
 *
 * @example dateFromParts('2011', '5', '0') // { date: { text: '2011-05', …, precision: 'month' }, warning: null }
 * @example dateFromParts('2011', '13', '1') // { error: 'month "13" does not exist (0 = unknown)', part: 'month' }
 */
export function dateFromParts(
  year: string,
  month: string,
  day: string,
): UserDate & { part?: 'year' | 'month' | 'day' } {
  const [y = '', m = '', d = ''] = [year, month, day].map((s) => s.trim().replace(/\.0+$/, ''));
  const known = (s: string): boolean => s !== '' && Number(s) !== 0;
  if (!/^\d{4}$/.test(y)) return { error: `"${y.slice(0, 20)}" is not a four-digit year`, part: 'year' };
  if (!known(m)) return parseUserDate(y);
  if (!/^\d{1,2}$/.test(m) || Number(m) > 12) {
    return { error: `month "${m.slice(0, 20)}" does not exist (0 = unknown)`, part: 'month' };
  }
  if (!known(d)) return parseUserDate(`${y}-${m}`);
  const date = /^\d{1,2}$/.test(d) ? parseUserDate(`${y}-${m}-${d}`) : null;
  return date && 'date' in date
    ? date
    : { error: `day "${d.slice(0, 20)}" does not exist in ${y}-${m} (0 = unknown)`, part: 'day' };
}
