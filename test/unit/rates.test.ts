import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/core/data/file-spec.ts';
import { populationSpec, type Population } from '../../src/core/data/population.ts';
import { sourcesSpec } from '../../src/core/data/sources.ts';
import { detectKind } from '../../src/core/data/detect-kind.ts';
import { formatSource } from '../../src/core/view/format.ts';
import {
  nearestPopulation,
  per100k,
  perHundredThousand,
  rateBasis,
  rateChoropleth,
  referenceYear,
} from '../../src/core/analysis/rates.ts';
import type { StatSeries } from '../../src/core/analysis/series.ts';
import { joinSeries } from '../../src/core/analysis/choropleth.ts';
import type { Statistic } from '../../src/core/types.ts';
import { containingUnit, layoutsDuring, placeById, unitById, unitsOf } from '../../src/core/gazetteer.ts';
import { curatedDataset } from '../helpers/curated.ts';

const context = { unitById, placeById, layoutsDuring, sourceIds: new Set(['census-test']) };
const HEADER = 'id,level,unit,date,kind,population,source,citation,quote,notes';

describe('population.csv', () => {
  it('accepts good rows and names the line and field of bad ones', () => {
    const text = [
      HEADER,
      'p1,region,aktobe,2021-09-01,census,"900,000",census-test,Table 1,"Aktobe 900,000",',
      'p2,region,turkistan,2017-01-01,estimate,100,census-test,Table 1,row,',
      'p3,region,aktobe,2021-09-01,census,-5,census-test,Table 1,row,',
      'p4,region,aktobe,2021-09-01,census,100,nobody,Table 1,row,',
      'p5,national,,2021-09-01,census,19186015,census-test,Table 1,row,',
      'p6,national,aktobe,2021-09-01,census,100,census-test,Table 1,row,',
      'p7,region,aktobe,2021,census,100,census-test,Table 1,row,',
      'p8,region,aktobe,2021-09-01,census,100,census-test,Table 1,,',
      // South Kazakhstan was in force on 1 January 2018, Turkistan only from 19 June 2018.
      'p9,region,south-kazakhstan,2018-01-01,estimate,100,census-test,Table 1,row,',
      'p10,region,turkistan,2018-01-01,estimate,100,census-test,Table 1,row,',
    ].join('\n');
    const { records, report } = readFile('population.csv', text, populationSpec, context);
    expect(records.map((r) => [r.id, r.level, r.year, r.population])).toEqual([
      ['p1', 'region', 2021, 900000],
      ['p5', 'national', 2021, 19186015],
      ['p9', 'region', 2018, 100],
    ]);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'unit'],
      [4, 'population'],
      [5, 'source'],
      [7, 'unit'],
      [8, 'date'],
      [9, 'quote'],
      [11, 'unit'],
    ]);
    expect(report.rejected.at(-1)?.reason).toContain('was not a first-level unit between 2018-01-01 and 2018-01-01');
  });
});

describe('sources.csv with web addresses', () => {
  it('reads a file without the url column, and needs a seed file or a web address on each row', () => {
    const old = ['id,seed_file,title,publisher,author,published,notes', 'a,000.txt,T,P,not stated,2019,'].join('\n');
    expect(readFile('sources.csv', old, sourcesSpec, null).records.map((s) => [s.id, s.url])).toEqual([['a', '']]);
    const text = [
      'id,seed_file,title,publisher,author,published,notes,url',
      'a,000.txt,T,P,not stated,2019,,',
      'b,,Table,Bureau,not stated,2023,,https://example.org/table.csv',
      'c,,Table,Bureau,not stated,2023,,',
      'd,,Table,Bureau,not stated,2023,,stat.gov.kz/table',
    ].join('\n');
    const { records, report } = readFile('sources.csv', text, sourcesSpec, null);
    expect(records.map((s) => s.id)).toEqual(['a', 'b']);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [4, 'seed_file'],
      [5, 'url'],
    ]);
  });

  it('lets a web page without a date leave published blank, but not a seed article, and cites it without a date', () => {
    const text = [
      'id,seed_file,title,publisher,author,published,notes,url',
      'wiki,,2016 Aktobe shootings,Wikipedia,not stated,,,https://en.wikipedia.org/wiki/2016_Aktobe_shootings',
      'seed,000.txt,T,P,not stated,,,',
      'bad,,Page,Site,not stated,June 2016,,https://example.org/page',
    ].join('\n');
    const { records, report } = readFile('sources.csv', text, sourcesSpec, null);
    expect(records.map((s) => [s.id, s.published])).toEqual([['wiki', '']]);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'published'],
      [4, 'published'],
    ]);
    expect(formatSource(records[0]!)).toBe(
      '2016 Aktobe shootings. Wikipedia (https://en.wikipedia.org/wiki/2016_Aktobe_shootings)',
    );
  });

  it('tells a population file by its header', () => {
    expect(detectKind(HEADER.split(','))).toBe('population');
  });
});

const figure = (unit: string, value: number, level: 'region' | 'city' = 'region'): Statistic =>
  ({
    id: `f-${unit}`,
    level,
    unit: level === 'region' ? unit : null,
    place: level === 'city' ? unit : null,
    value: { value, qualifier: 'exact', text: String(value) },
    derived: false,
  }) as Statistic;

const seriesOf = (figures: Statistic[], periodStart = '2017-01-01', periodEnd = '2017-12-31') =>
  ({ id: 's', periodStart, periodEnd, figures, national: null }) as unknown as StatSeries;

const pop = (
  unit: string,
  year: number,
  population: number,
  kind: 'census' | 'estimate' = 'census',
  level: 'region' | 'national' = 'region',
): Population => ({
  id: `${unit}-${year}-${kind}`,
  level,
  unit,
  date: `${year}-01-01`,
  year,
  kind,
  population,
  sourceId: 'x',
  citation: '',
  quote: '',
  notes: '',
  line: 0,
});

describe('rates per 100,000', () => {
  const series = seriesOf([figure('aktobe', 19), figure('zhambyl', 5)]);

  it('divides by the nearest year, prefers a census, and never guesses a missing population', () => {
    const basis = rateBasis(series, [
      pop('aktobe', 2009, 1000),
      pop('aktobe', 2016, 2000, 'estimate'),
      pop('aktobe', 2016, 1900),
    ]);
    expect(basis.byUnit.get('aktobe')?.population).toBe(1900);
    expect(basis.missing).toEqual(['zhambyl']);
    const rates = perHundredThousand(series, basis);
    expect(rates.figures).toHaveLength(1);
    expect(rates.figures[0]).toMatchObject({ value: { value: 1000 }, derived: true });
    expect(rates.figures[0]?.derivation).toContain('1900 people (census 2016)');
  });

  it('does not use a population more than five years away', () => {
    expect(rateBasis(series, [pop('aktobe', 2009, 1000)]).missing).toEqual(['aktobe', 'zhambyl']);
    expect(nearestPopulation('aktobe', 2017, [pop('aktobe', 2012, 1000)])?.year).toBe(2012);
    expect(nearestPopulation('aktobe', 2018, [pop('aktobe', 2012, 1000)])).toBeUndefined();
  });

  it('matches a period by its middle year, and of two equally near years takes the earlier', () => {
    expect(referenceYear('2017-01-01', '2017-12-31')).toBe(2017);
    expect(referenceYear('2011-01-01', '2019-12-31')).toBe(2015);
    expect(referenceYear('2004-01-01', '2026-12-31')).toBe(2015);
    expect(referenceYear('2019-01')).toBe(2019);
    const both = [pop('aktobe', 2018, 2000, 'estimate'), pop('aktobe', 2016, 1000, 'estimate')];
    expect(nearestPopulation('aktobe', 2017, both)?.year).toBe(2016);
  });

  it('never takes a national total for a unit', () => {
    expect(nearestPopulation('', 2017, [pop('', 2017, 18_000_000, 'estimate', 'national')])).toBeUndefined();
  });

  it('rounds to two decimals', () => {
    expect(per100k(3, 1_854_656)).toBe(0.16);
    expect(per100k(10, 17_918_214)).toBe(0.06);
    expect(per100k(1, 300)).toBe(333.33);
  });
});

describe('rates on the drawn units', () => {
  const gazetteer = { unitById, placeById, containingUnit };
  const layoutA = unitsOf('A').map((u) => u.id);

  it('divides each unit by its own population, marks a unit without one "not available", never 0', () => {
    const series = seriesOf([
      figure('aktobe', 19),
      figure('zhambyl', 5),
      figure('almaty', 3),
      figure('taraz', 2, 'city'),
    ]);
    const counts = joinSeries(series, layoutA, 'A', gazetteer);
    const view = rateChoropleth(counts, series, [
      pop('aktobe', 2017, 1_900_000, 'estimate'),
      pop('almaty', 2016, 1_500_000),
    ]);
    const region = (id: string) => view.choropleth.regions.find((r) => r.unit === id)!;
    expect(region('aktobe')).toMatchObject({ value: 1, status: 'reported' });
    expect(region('almaty')).toMatchObject({ value: 0.2 });
    expect(region('zhambyl')).toMatchObject({ value: null, status: 'not_reported' });
    expect(region('pavlodar')).toMatchObject({ value: null, status: 'not_reported' });
    expect(view.unavailable).toEqual(['zhambyl']);
    expect(view.byUnit.get('aktobe')).toMatchObject({ rate: 1, count: 19, population: 1_900_000 });
    expect(view.years).toEqual([2016, 2017]);
    // The Almaty circle (a city unit) shows its rate; the Taraz city figure has no population.
    expect(view.choropleth.circles.map((c) => [c.id, c.value])).toEqual([['almaty', 0.2]]);
    expect(view.citiesLeftOut).toBe(1);
  });

  it('sums counts and populations of later units drawn on an earlier outline', () => {
    const series = seriesOf([figure('abai', 4), figure('east-kazakhstan-2022', 6)], '2023-01-01', '2023-12-31');
    const counts = joinSeries(series, layoutA, 'A', gazetteer);
    expect(counts.regions.find((r) => r.unit === 'east-kazakhstan')?.value).toBe(10);
    const both = [pop('abai', 2023, 1_000_000, 'estimate'), pop('east-kazakhstan-2022', 2023, 1_000_000, 'estimate')];
    const view = rateChoropleth(counts, series, both);
    expect(view.byUnit.get('east-kazakhstan')).toMatchObject({ count: 10, population: 2_000_000, rate: 0.5 });
    // With one of the two populations missing, the outline gets no rate rather than a wrong one.
    const one = rateChoropleth(counts, series, both.slice(0, 1));
    expect(one.unavailable).toEqual(['east-kazakhstan']);
    expect(one.choropleth.regions.find((r) => r.unit === 'east-kazakhstan')?.value).toBeNull();
  });

  it('divides a city unit drawn as a circle (Shymkent on the 1997 outlines) by its own population only', () => {
    const series = seriesOf([figure('turkistan', 4), figure('shymkent', 6)], '2019-01-01', '2019-10-31');
    const counts = joinSeries(series, layoutA, 'A', gazetteer);
    const pops = [pop('turkistan', 2019, 2_000_000, 'estimate'), pop('shymkent', 2019, 1_000_000, 'estimate')];
    const view = rateChoropleth(counts, series, pops);
    expect(view.byUnit.get('south-kazakhstan')).toMatchObject({ count: 4, population: 2_000_000, rate: 0.2 });
    expect(view.choropleth.circles.map((c) => [c.id, c.value])).toEqual([['shymkent', 0.6]]);
  });
});

describe('the curated population table', () => {
  const rows = curatedDataset().population;
  const byDate = new Map<string, Population[]>();
  for (const p of rows) byDate.set(p.date, [...(byDate.get(p.date) ?? []), p]);

  it('has a national total for every date it has, from one source', () => {
    expect(rows.length).toBeGreaterThan(100);
    for (const [date, group] of byDate) {
      expect(
        group.filter((p) => p.level === 'national'),
        date,
      ).toHaveLength(1);
      expect(new Set(group.map((p) => p.sourceId)).size, date).toBe(1);
    }
  });

  // 1 January 2025: the only report of the Bureau's release found (Tengrinews, source
  // tengrinews-2025-02-population-2025-01-01) names the national total and only the seven units with
  // more than a million people; the other 13 units of the 2022 layout have no row that day (they take
  // the nearest year within 5 years, 2023, for rates) and the kept rows cannot add up to the total.
  const PARTIAL: Record<string, string[]> = {
    '2025-01-01': ['almaty', 'almaty-oblast-2022', 'astana', 'karaganda-2022', 'shymkent', 'turkistan', 'zhambyl'],
  };

  it('sums to the national total the source states, in every year whose units it gives all of', () => {
    // 1 January 2017 and 2018: the table already splits South Kazakhstan into "Туркестанская"
    // (1,966,336; 1,977,028) and "г. Шымкент" (912,300; 952,169), units not in force on those days,
    // so South Kazakhstan has no row for them (not derived) and the kept rows fall short by exactly that.
    // 1 January 2022: the table gives the units of 8 June 2022 (Абай 611,888, Алматинская 1,478,496,
    // Жетісу 698,757, Карагандинская 1,134,966, Ұлытау 220,913, Восточно-Казахстанская 732,966), not
    // in force that day and not rows; the 1997-2022 Almaty, Karaganda and East Kazakhstan regions
    // are not derived from them.
    const leftOut: Record<string, number> = {
      '2017-01-01': 1_966_336 + 912_300,
      '2018-01-01': 1_977_028 + 952_169,
      '2022-01-01': 611_888 + 1_478_496 + 698_757 + 1_134_966 + 220_913 + 732_966,
    };
    for (const [date, group] of byDate) {
      const national = group.find((p) => p.level === 'national')!.population;
      const regional = group.filter((p) => p.level === 'region').reduce((sum, p) => sum + p.population, 0);
      // A partial day: what the missing units add up to is not stated anywhere, so only check it falls short.
      if (PARTIAL[date]) expect(regional, date).toBeLessThan(national);
      else expect(national - regional, date).toBe(leftOut[date] ?? 0);
    }
    expect([...byDate.keys()].sort()).toEqual(
      [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2025].map((y) => `${y}-01-01`),
    );
  });

  it('gives every unit in force on the day, except those the table gives only in a later layout', () => {
    const notGiven = (id: string, date: string) =>
      (id === 'south-kazakhstan' && date >= '2017-01-01') ||
      (['almaty-oblast', 'karaganda', 'east-kazakhstan'].includes(id) && date === '2022-01-01');
    for (const [date, group] of byDate) {
      const layout = date < '2018-06-19' ? 'A' : date < '2022-06-08' ? 'B' : 'C';
      const expected =
        PARTIAL[date] ??
        unitsOf(layout)
          .map((u) => u.id)
          .filter((id) => !notGiven(id, date));
      expect(
        group
          .filter((p) => p.level === 'region')
          .map((p) => p.unit)
          .sort(),
        date,
      ).toEqual(expected.sort());
    }
  });

  it('quotes the source row of every figure, with the figure in it', () => {
    // The CSV copy's rows (`Акмолинская,2011,733281`) and the workbook's cells (`row | column | value`).
    for (const p of rows.filter((p) => !PARTIAL[p.date]))
      expect(p.quote, p.id).toMatch(new RegExp(`(,${p.year},${p.population}|\\| ${p.year} \\| ${p.population})$`));
    // A press report's sentence, its figures written with spaces (`2 292 333`, `1, 528 887`).
    for (const p of rows.filter((p) => PARTIAL[p.date]))
      expect(p.quote.replace(/(\d)[ ,]+(?=\d)/g, '$1'), p.id).toContain(String(p.population));
  });

  it('divides a 2025 figure by the 2025 population where there is one and by 2023 elsewhere, never by nothing', () => {
    for (const unit of unitsOf('C').map((u) => u.id)) {
      const p = nearestPopulation(unit, 2025, rows);
      expect(p?.year, unit).toBe(PARTIAL['2025-01-01']!.includes(unit) ? 2025 : 2023);
    }
    // 2024 lies as near 2023 as 2025: the earlier year is taken, for every unit alike.
    for (const unit of unitsOf('C').map((u) => u.id))
      expect(nearestPopulation(unit, 2024, rows)?.year, unit).toBe(2023);
  });
});
