import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/core/data/file-spec.ts';
import { populationSpec, type Population } from '../../src/core/data/population.ts';
import { perHundredThousand, rateBasis } from '../../src/core/analysis/rates.ts';
import type { StatSeries } from '../../src/core/analysis/series.ts';
import type { Statistic } from '../../src/core/types.ts';
import { layoutsDuring, placeById, unitById } from '../../src/core/gazetteer.ts';

const context = { unitById, placeById, layoutsDuring, sourceIds: new Set(['census-test']) };
const HEADER = 'id,unit,year,kind,population,source,citation,notes';

describe('population.csv', () => {
  it('accepts good rows and names the line and field of bad ones', () => {
    const text = [
      HEADER,
      'p1,aktobe,2021,census,"900,000",census-test,Table 1,',
      'p2,turkistan,2017,census,100,census-test,Table 1,',
      'p3,aktobe,2021,census,-5,census-test,Table 1,',
      'p4,aktobe,2021,census,100,nobody,Table 1,',
    ].join('\n');
    const { records, report } = readFile('population.csv', text, populationSpec, context);
    expect(records.map((r) => r.population)).toEqual([900000]);
    expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, 'unit'],
      [4, 'population'],
      [5, 'source'],
    ]);
  });
});

describe('rates per 100,000', () => {
  const figure = (unit: string, value: number): Statistic =>
    ({
      id: `f-${unit}`,
      level: 'region',
      unit,
      place: null,
      value: { value, qualifier: 'exact', text: String(value) },
      derived: false,
    }) as Statistic;
  const series = {
    id: 's',
    periodStart: '2017-01-01',
    figures: [figure('aktobe', 19), figure('zhambyl', 5)],
    national: null,
  } as unknown as StatSeries;
  const pop = (unit: string, year: number, population: number, kind: 'census' | 'estimate' = 'census'): Population => ({
    id: `${unit}-${year}-${kind}`,
    unit,
    year,
    kind,
    population,
    sourceId: 'x',
    citation: '',
    notes: '',
    line: 0,
  });

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
  });
});
