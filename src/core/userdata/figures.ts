/**
 * The cells of a statistics table besides its region and value: the period (`2017`, `январь-октябрь
 * 2019`, `2015-2017`), the Criminal Code article (`ст. 256 ч. 2`, `2014:256.2`) and the metric.
 */
import { parseArticle } from '../data/articles.ts';
import { parseUserDate } from './dates.ts';

export interface Period {
  /** First and last day, ISO. */
  start: string;
  end: string;
}

/** Words around a period that say nothing about it: `за 2019 год`, `12 месяцев 2019`. */
const FILLER = /^(за|for|in|12 месяцев|12 months)\s+/i;
const RANGE = /\s*(?:–|—|\.\.|-|\sпо\s|\sto\s)\s*/gu;

/**
 * @example parsePeriod('2017') // { start: '2017-01-01', end: '2017-12-31' }
 * @example parsePeriod('январь-октябрь 2019') // { start: '2019-01-01', end: '2019-10-31' }
 * @example parsePeriod('2015-2017') // { start: '2015-01-01', end: '2017-12-31' }
 */
export function parsePeriod(text: string): Period | { error: string } {
  const cell = text.trim().replace(FILLER, '');
  const whole = parseUserDate(cell);
  if ('date' in whole) return { start: whole.date.start, end: whole.date.end };
  for (const match of cell.length > 60 ? [] : cell.matchAll(RANGE)) {
    const left = cell.slice(0, match.index);
    const right = parseUserDate(cell.slice(match.index + match[0].length));
    if (!('date' in right) || left === '') continue;
    const year = right.date.start.slice(0, 4);
    const from = [parseUserDate(left), parseUserDate(`${left} ${year}`)].find((d) => 'date' in d);
    if (from && 'date' in from && from.date.start <= right.date.end)
      return { start: from.date.start, end: right.date.end };
  }
  return {
    error: `"${cell.slice(0, 60)}" is not a period; write 2017, 2019-01..2019-10, январь-октябрь 2019 or 2015-2017`,
  };
}

export interface UserArticle {
  article: string;
  part: string;
  /** `1997` or `2014` when the cell says which code; null when it does not. */
  edition: '1997' | '2014' | null;
}

/** Words around an article number: ст., статья, article, бап, УК РК, ҚК, ч. for part. */
const ARTICLE_WORDS = /(статья|статьи|ст\.?|article|art\.?|бабы|бап|ук\s*рк|ук|қк|\bcc\b|code|года?|г\.|\(|\))/giu;
const USER_ARTICLE = /^(\d{1,3}(?:-\d{1,2})?)(?:\s*(?:ч\.?|часть|part|p\.|\.|,)\s*(\d{1,2}))?$/iu;

/**
 * @example parseUserArticle('ст. 256 ч. 2') // { article: '256', part: '2', edition: null }
 * @example parseUserArticle('2014:256.2') // { article: '256', part: '2', edition: '2014' }
 * @example parseUserArticle('233 УК РК 1997 г.') // { article: '233', part: '', edition: '1997' }
 */
export function parseUserArticle(text: string): UserArticle | { error: string } {
  const atlas = parseArticle(text);
  if (!('error' in atlas)) return atlas;
  const cell = text.trim();
  const edition = /(?:^|\D)(1997|2014)(?:\D|$)/.exec(cell)?.[1] as '1997' | '2014' | undefined;
  const bare =
    cell.length > 80
      ? cell
      : cell
          .replace(/(?:^|\D)(1997|2014)(?=\D|$)/, ' ')
          .replace(ARTICLE_WORDS, ' ')
          .replace(/\s+/g, ' ')
          .trim();
  const match = USER_ARTICLE.exec(bare);
  if (!match) return { error: `"${cell.slice(0, 60)}" is not an article; write 256, ст. 256 ч. 2 or 2014:256.2` };
  return { article: match[1]!, part: match[2] ?? '', edition: edition ?? null };
}

/**
 * The code edition in force over a period: the 1997 code until 2014-12-31, the 2014 code from
 * 2015-01-01. Null for a period spanning both.
 */
export function editionDuring(period: Period): '1997' | '2014' | null {
  if (period.end <= '2014-12-31') return '1997';
  if (period.start >= '2015-01-01') return '2014';
  return null;
}

/**
 * The atlas's metric for a metric cell or the value column's header; other words are kept as written.
 *
 * @example metricOf('Количество осужденных') // 'convicted_persons'
 */
export function metricOf(text: string): string | null {
  const words = text.trim().toLowerCase();
  if (/осужд|сотталған|convict/.test(words)) return 'convicted_persons';
  if (/преступлен|правонаруш|қылмыс|offen|crime/.test(words)) return 'criminal_offences';
  if (/(^|[^а-я])дел|істер|court|cases/.test(words)) return 'court_cases';
  return null;
}
