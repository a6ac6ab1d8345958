import { describe, expect, it } from 'vitest';
import { buildSeries, notItemised, type StatSeries } from '../../src/core/analysis/series.ts';
import { joinSeries } from '../../src/core/analysis/choropleth.ts';
import * as chromatic from 'd3-scale-chromatic';
import {
  changeColourOf,
  classify,
  classifyChange,
  colourOf,
  DIVERGING_PALETTES,
  SEQUENTIAL_PALETTES,
  ZERO_COLOUR,
} from '../../src/core/analysis/classify.ts';
import { COLORBREWER } from '../../src/core/analysis/colorbrewer.ts';
import { eventsInView } from '../../src/core/analysis/filter.ts';
import { groupEvents } from '../../src/core/analysis/events.ts';
import { containingUnit, placeById, unitById, unitsOf } from '../../src/core/gazetteer.ts';
import { INCIDENT_CATEGORIES } from '../../src/core/data/incidents.ts';
import type { Statistic } from '../../src/core/types.ts';
import { curatedDataset } from '../helpers/curated.ts';

const dataset = curatedDataset();
const series = buildSeries(dataset.statistics);
const byId = (id: string) => series.find((s) => s.id === id)!;
const gazetteer = { unitById, placeById, containingUnit };
const LAYOUT_A = unitsOf('A').map((u) => u.id);
const regionIn2019 = (place: string) => placeById(place)?.units.B ?? null;

describe('joinSeries on the 1997-2018 units', () => {
  const join = joinSeries(byId('cabar-2017-256-2-convicted'), LAYOUT_A, 'A', gazetteer);
  const region = (id: string) => join.regions.find((r) => r.unit === id)!;

  it('gives the six named units their figures', () => {
    const reported = join.regions.filter((r) => r.status !== 'not_reported').map((r) => [r.unit, r.value]);
    expect(Object.fromEntries(reported)).toEqual({
      aktobe: 19,
      almaty: 7,
      'south-kazakhstan': 6,
      astana: 5,
      karaganda: 5,
      zhambyl: 5,
    });
  });

  it('marks every unit the source does not name as not reported, with no value, never 0', () => {
    expect(region('pavlodar')).toMatchObject({ status: 'not_reported', value: null });
    expect(join.regions.filter((r) => r.status === 'not_reported')).toHaveLength(10);
    expect(join.regions.some((r) => r.value === 0)).toBe(false);
  });

  it('draws the cities of republican significance as circles too', () => {
    expect(join.circles.map((c) => [c.id, c.value])).toEqual(
      expect.arrayContaining([
        ['almaty', 7],
        ['astana', 5],
      ]),
    );
  });

  it('keeps the national total national: 15 of 62 are not itemised', () => {
    expect(notItemised(byId('cabar-2017-256-2-convicted'), regionIn2019)).toBe(15);
  });

  it('counts city figures as itemised, once: 74 offences under art. 291, 48 named, 26 elsewhere', () => {
    expect(notItemised(byId('cabar-2019-01-10-291-offences'), regionIn2019)).toBe(26);
  });
});

describe('joinSeries of later units on earlier geometry', () => {
  const fake = (unit: string, value: number): Statistic => ({
    ...dataset.statistics.find((s) => s.level === 'region')!,
    id: `x-${unit}`,
    unit,
    value: { value, qualifier: 'exact', text: String(value) },
    periodStart: '2023-01-01',
    periodEnd: '2023-12-31',
  });
  const later: StatSeries = {
    ...byId('cabar-2017-256-2-convicted'),
    figures: [fake('turkistan', 4), fake('abai', 2), fake('east-kazakhstan-2022', 3), fake('shymkent', 9)],
  };
  const join = joinSeries(later, LAYOUT_A, 'A', gazetteer);
  const region = (id: string) => join.regions.find((r) => r.unit === id)!;

  it('sums Abai and East Kazakhstan (2022) into East Kazakhstan and says so', () => {
    expect(region('east-kazakhstan')).toMatchObject({ value: 5, summedFrom: ['abai', 'east-kazakhstan-2022'] });
    expect(join.notes.join(' ')).toContain('Abai and East Kazakhstan shown within East Kazakhstan');
  });

  it('draws Shymkent, a city unit without a polygon here, as a circle and does not pour it into South Kazakhstan', () => {
    expect(region('south-kazakhstan')).toMatchObject({ value: 4, summedFrom: ['turkistan'] });
    expect(join.circles.find((c) => c.id === 'shymkent')?.value).toBe(9);
  });
});

describe('city figures', () => {
  it('stay at the city and are never added to the region', () => {
    const murders = series.find((s) => s.articleKey === '2014:99')!;
    const join = joinSeries(murders, LAYOUT_A, 'A', gazetteer);
    const cities = join.circles.filter((c) => c.level === 'city').map((c) => c.id);
    expect(cities).toEqual(expect.arrayContaining(['karaganda', 'aktobe', 'kostanay', 'ust-kamenogorsk']));
    expect(join.regions.find((r) => r.unit === 'karaganda')?.status).toBe('not_reported');
  });
});

describe('classify', () => {
  it('gives the largest value the darkest class and counts units per class', () => {
    const classes = classify([19, 6, 5, 5]);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [5, 5, 2],
      [6, 6, 1],
      [19, 19, 1],
    ]);
    expect(colourOf(19, classes)).toBe(classes[2]!.colour);
    expect(new Set(classes.map((c) => c.colour)).size).toBe(3);
  });

  it('gives zero a pale class of its own, never the colour of "many"', () => {
    const allZero = classify([0, 0, 0]);
    expect(allZero).toEqual([{ min: 0, max: 0, colour: ZERO_COLOUR, count: 3 }]);
    const mixed = classify([0, 0, 3, 9]);
    expect(mixed[0]).toMatchObject({ min: 0, max: 0, count: 2, colour: ZERO_COLOUR });
    expect(mixed.slice(1).map((c) => c.colour)).not.toContain(ZERO_COLOUR);
  });

  it('returns no classes when nothing is reported', () => {
    expect(classify([])).toEqual([]);
  });
});

describe('eventsInView', () => {
  const { events } = groupEvents(dataset.incidents, (id) => {
    const p = placeById(id);
    return p ? { lon: p.lon, lat: p.lat } : { lon: 0, lat: 0 };
  });
  const all = new Set(INCIDENT_CATEGORIES);

  it('shows 2011 incidents and hides the 2014 Pavlodar detentions for 2011', () => {
    const ids = eventsInView(events, { from: 2011, to: 2011, categories: all, articles: new Set() }).map((e) => e.id);
    expect(ids).toContain('aktobe-2011-05-bombing');
    expect(ids).not.toContain('pavlodar-2014-08-detention');
  });

  it('counts an event with disagreeing dates once, spanning every statement', () => {
    const aktobe = events.find((e) => e.id === 'aktobe-2011-05-bombing')!;
    expect(aktobe).toMatchObject({ start: '2011-01-01', end: '2011-12-31', datePrecision: 'day', datesDiffer: true });
    // The three seed articles (14 May, May, 2011) and four web reports (17 May, May).
    expect(aktobe.statements).toHaveLength(7);
  });

  it('filters by category', () => {
    const ids = eventsInView(events, {
      from: 2004,
      to: 2019,
      categories: new Set(['detention'] as const),
      articles: new Set(),
    }).map((e) => e.category);
    expect(new Set(ids)).toEqual(new Set(['detention']));
  });
});

describe('classification methods', () => {
  const values = [1, 2, 3, 4, 10, 20, 30, 40, 100];

  it('quantiles put about the same number of units in each class', () => {
    const classes = classify(values, { method: 'quantile', classes: 3 });
    expect(classes.map((c) => c.count)).toEqual([3, 3, 3]);
  });

  it('equal intervals split the range evenly', () => {
    const classes = classify([0.5, 100], { method: 'equal', classes: 4 });
    expect(classes.map((c) => c.max)).toEqual([0.5, 100]);
    const spread = classify([10, 30, 60, 100], { method: 'equal', classes: 4 });
    expect(spread.map((c) => c.max)).toEqual([30, 55, 60, 100]);
    expect(spread.map((c) => c.count)).toEqual([2, 0, 1, 1]);
  });

  it('manual breaks are kept as given', () => {
    const classes = classify(values, { method: 'manual', breaks: [5, 50] });
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 4, 4],
      [10, 40, 4],
      [100, 100, 1],
    ]);
  });

  it("a fixed scale over a range of years keeps a year's value in the class it has across the range", () => {
    const classes = classify([2], { domain: [1, 2, 50, 100], classes: 3 });
    expect(classes.length).toBe(3);
    expect(colourOf(2, classes)).toBe(classes[0]!.colour);
    expect(classes.map((c) => c.count)).toEqual([1, 0, 0]);
  });

  it('palettes differ and every colour is a valid hex colour', () => {
    const a = classify(values, { palette: 'Blues' }).map((c) => c.colour);
    const b = classify(values, { palette: 'YlOrRd' }).map((c) => c.colour);
    expect(a).not.toEqual(b);
    for (const colour of [...a, ...b]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('every palette is ColorBrewer as d3-scale-chromatic ships it, for every number of classes', () => {
    for (const palette of [...SEQUENTIAL_PALETTES, ...DIVERGING_PALETTES]) {
      const reference = chromatic[`scheme${palette}`] as readonly (readonly string[] | undefined)[];
      expect(COLORBREWER[palette].length, palette).toBe(reference.length);
      for (let n = 3; n < reference.length; n++)
        expect(COLORBREWER[palette][n], `${palette}[${n}]`).toEqual(reference[n]);
    }
  });

  it('changes are symmetric around no change, decreases unlike increases', () => {
    const classes = classifyChange([-4, 0, 2, 10]);
    expect(classes).toHaveLength(7);
    expect(changeColourOf(0, classes)).toBe(classes[3]!.colour);
    expect(changeColourOf(-4, classes)).not.toBe(changeColourOf(4, classes));
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(4);
  });
});
