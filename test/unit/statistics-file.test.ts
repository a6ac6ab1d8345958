/**
 * statistics.csv rows of the kinds the prosecutors' forms bring: figures of no single article (all
 * offences; the forms' own groups of articles), and figures for units of the 2022 layout.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile } from '../../src/core/data/file-spec.ts';
import { statisticsSpec } from '../../src/core/data/statistics.ts';
import { buildSeries, seriesTitle } from '../../src/core/analysis/series.ts';
import { layoutsDuring, placeById, unitById } from '../../src/core/gazetteer.ts';
import { createTranslator, formatArticleKey, loadLanguage } from '../../src/i18n/translate.ts';
import { seriesTitle as localTitle } from '../../src/ui/localise.ts';

const HEADER =
  'id,series,metric,code_edition,article,part,period_start,period_end,period_label,level,unit,place,value,derived,derivation,coverage,source,citation,quote,related,notes';
const context = { unitById, placeById, layoutsDuring, sourceIds: new Set(['form']) };
const row = (cells: Record<string, string>) => {
  const base: Record<string, string> = {
    id: 'x',
    series: 's',
    metric: 'criminal_offences',
    code_edition: '2014',
    article: '',
    part: '',
    period_start: '2022',
    period_end: '2022',
    period_label: '2022',
    level: 'region',
    unit: 'abai',
    place: '',
    value: '5',
    derived: 'no',
    derivation: '',
    coverage: 'complete',
    source: 'form',
    citation: 'archive/a.XLSX, sheet R1, cell F7',
    quote: 'Всего правонарушений | Количество | 5',
    related: '',
    notes: '',
    ...cells,
  };
  return HEADER.split(',')
    .map((name) => `"${base[name]}"`)
    .join(',');
};

describe('statistics.csv', () => {
  const text = [
    HEADER,
    row({ id: 'all-abai' }),
    row({ id: 'terror-ulytau', series: 't', metric: 'terrorist_offences', unit: 'ulytau', value: '0' }),
    row({ id: 'extrem-zhetisu', series: 'e', metric: 'extremist_offences', unit: 'zhetisu' }),
    row({ id: 'art-abai', series: 'a', article: '255', value: '0' }),
    // A part needs its article.
    row({ id: 'part-only', part: '2' }),
    // Not a metric the atlas knows.
    row({ id: 'bad-metric', metric: 'offences_of_some_kind' }),
    // Abai region exists from 8 June 2022: a figure for 2021 cannot be about it.
    row({ id: 'abai-2021', period_start: '2021', period_end: '2021', period_label: '2021' }),
    // The 1997-2022 Karaganda region ended on 7 June 2022: 2022 overlaps it, 2023 does not.
    row({ id: 'karaganda-2023', unit: 'karaganda', period_start: '2023', period_end: '2023', period_label: '2023' }),
  ].join('\n');
  const { records, report } = readFile('statistics.csv', text, statisticsSpec, context);

  it('accepts figures of no single article, the prosecutors’ groups, and units of the 2022 layout in 2022', () => {
    expect(records.map((r) => [r.id, r.metric, r.article, r.unit])).toEqual([
      ['all-abai', 'criminal_offences', '', 'abai'],
      ['terror-ulytau', 'terrorist_offences', '', 'ulytau'],
      ['extrem-zhetisu', 'extremist_offences', '', 'zhetisu'],
      ['art-abai', 'criminal_offences', '255', 'abai'],
    ]);
    expect(records.find((r) => r.id === 'terror-ulytau')?.value).toMatchObject({ value: 0, qualifier: 'exact' });
  });

  it('rejects a part without an article, an unknown metric and a unit not in force in the period, by line and field', () => {
    expect(report.rows).toBe(8);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [6, 'part'],
      [7, 'metric'],
      [8, 'unit'],
      [9, 'unit'],
    ]);
    expect(report.rejected[2]!.reason).toContain('was not a first-level unit between 2021-01-01 and 2021-12-31');
  });

  it('titles a series of no single article by its metric and period, in every language', async () => {
    await Promise.all([loadLanguage('ru'), loadLanguage('kk')]);
    const series = buildSeries(records);
    const all = series.find((s) => s.id === 's')!;
    expect(all.articleKey).toBe('2014:*');
    expect(seriesTitle(all)).toBe('Criminal offences recorded, 2022');
    expect(localTitle(all, createTranslator('ru'))).toBe('Зарегистрированные уголовные правонарушения, 2022');
    expect(
      localTitle(
        series.find((s) => s.id === 't')!,
        createTranslator('en'),
      ),
    ).toBe("Terrorist offences recorded (prosecutors' grouping), 2022");
    expect(
      localTitle(
        series.find((s) => s.id === 'a')!,
        createTranslator('en'),
      ),
    ).toBe('Criminal offences recorded, Art. 255 (2014 code), 2022');
    expect(formatArticleKey('2014:*', 'en')).toBe('No single article (2014 code)');
    expect(formatArticleKey('2014:*', 'kk')).toBe('жеке бапсыз (ҚР ҚК 2014)');
  });
});

describe('the article filter order', () => {
  it('lists the articles in the code order, not as text: 99 before 120, 233 before 233-3, parts in order', async () => {
    const { compareArticleKeys } = await import('../../src/core/data/articles.ts');
    const keys = [
      '2014:273',
      '2014:99',
      '2014:256.2',
      '1997:233-3',
      '2014:*',
      '2014:256',
      '1997:233',
      '2014:256.1',
      '2014:120',
    ];
    expect([...keys].sort(compareArticleKeys)).toEqual([
      '1997:233',
      '1997:233-3',
      '2014:*',
      '2014:99',
      '2014:120',
      '2014:256',
      '2014:256.1',
      '2014:256.2',
      '2014:273',
    ]);
    // The curated data's articles, as the filter lists them.
    const curated = readFileSync(new URL('../../static/data/statistics.csv', import.meta.url), 'utf8');
    const numbers = [...new Set([...curated.matchAll(/,2014,(\d+),/g)].map((m) => Number(m[1])))];
    expect(numbers.length).toBeGreaterThan(20);
    const sorted = numbers
      .map((n) => `2014:${n}`)
      .sort(compareArticleKeys)
      .map((k) => Number(k.slice(5)));
    expect(sorted).toEqual([...numbers].sort((a, b) => a - b));
  });
});
