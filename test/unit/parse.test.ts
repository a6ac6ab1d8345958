import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/parse/csv.ts';
import { parseFuzzyDate } from '../../src/core/parse/dates.ts';
import { formatCount, parseCount } from '../../src/core/parse/counts.ts';
import { formatEventDates, formatFuzzyDate, formatFuzzyRange } from '../../src/core/view/format.ts';
import type { FuzzyDate } from '../../src/core/types.ts';

const date = (text: string) => parseFuzzyDate(text) as FuzzyDate;

describe('parseCsv', () => {
  it('gives each record the line it starts on, even after a quoted cell spanning lines', () => {
    const table = parseCsv('id,quote\na,"one\ntwo"\nb,three\n');
    expect(table.rows.map((r) => [r.line, r.cells['id']])).toEqual([
      [2, 'a'],
      [4, 'b'],
    ]);
  });

  it('drops a byte-order mark so the first column keeps its name', () => {
    expect(parseCsv('\ufeffid,x\n1,2\n').header).toEqual(['id', 'x']);
  });

  it('skips blank lines without counting them as rows, and keeps line numbers true', () => {
    const table = parseCsv('id\n\na\n\n\nb\n');
    expect(table.rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports a short row by its width', () => {
    const table = parseCsv('a,b,c\n1,2\n');
    expect(table.rows[0]?.width).toBe(2);
  });

  it('says so when the file is empty', () => {
    expect(parseCsv('').errors).toEqual(['the file is empty: no header row']);
  });
});

describe('parseFuzzyDate', () => {
  it('keeps the precision of a month-only date and covers the whole month', () => {
    expect(date('2011-05')).toMatchObject({ start: '2011-05-01', end: '2011-05-31', precision: 'month' });
  });

  it('knows leap years', () => {
    expect(date('2012-02').end).toBe('2012-02-29');
    expect(parseFuzzyDate('2013-02-29')).toEqual({ error: 'day 29 does not exist in 2013-02' });
  });

  it('refuses other formats with a hint', () => {
    expect(parseFuzzyDate('14.05.2011')).toEqual({
      error: '"14.05.2011" is not a date; write 2011, 2011-05 or 2011-05-14',
    });
  });

  it('formats dates no more precisely than they are', () => {
    expect(formatFuzzyDate(date('2011'))).toBe('2011');
    expect(formatFuzzyDate(date('2011-05'))).toBe('May 2011');
    expect(formatFuzzyDate(date('2011-05-14'))).toBe('14 May 2011');
    expect(formatFuzzyRange(date('2011-10'), date('2011-12'))).toBe('October–December 2011');
  });

  it('lists every date the sources give for one event, once each', () => {
    const statements = ['2011-05', '2011-05-14', '2011', '2011-05'].map((t) => ({ dateStart: date(t), dateEnd: null }));
    expect(formatEventDates(statements)).toBe('May 2011 or 14 May 2011 or 2011');
  });
});

describe('parseCount', () => {
  it.each([
    ['12', 12, 'exact'],
    ['>950', 950, 'more_than'],
    ['>=10', 10, 'at_least'],
    ['~600', 600, 'about'],
    ['1,800', 1800, 'exact'],
    ['0', 0, 'exact'],
  ])('reads %s', (text, value, qualifier) => {
    expect(parseCount(text)).toMatchObject({ value, qualifier });
  });

  it('refuses words, so "dozens" never becomes a number', () => {
    expect(parseCount('dozens')).toHaveProperty('error');
  });

  it('writes qualifiers in words', () => {
    expect(formatCount(parseCount('>950') as never)).toBe('more than 950');
  });
});
