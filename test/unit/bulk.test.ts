import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupEvents } from '../../src/core/analysis/events.ts';
import { eventsInView } from '../../src/core/analysis/filter.ts';
import { histogram } from '../../src/core/analysis/timeline.ts';
import { incidentCountSeries } from '../../src/core/analysis/incident-counts.ts';
import { locateOn } from '../../src/core/analysis/locate.ts';
import { readUserIncidents } from '../../src/core/userdata/read-incidents.ts';
import { containingUnit, placeById, unitById, unitsOf, layoutsDuring } from '../../src/core/gazetteer.ts';
import { INCIDENT_CATEGORIES } from '../../src/core/data/incidents.ts';
import {
  ALL_CATEGORIES,
  BYTES_PER_EVENT,
  categoryMask,
  eventTableOnBuffer,
  layoutUnitIds,
  yearMonthOfDay,
  yearRangeDays,
} from '../../src/core/columnar/event-table.ts';
import { countByCategory, countByUnit, countShown, visibleIndices } from '../../src/core/columnar/aggregate.ts';
import { buildBulk, tableTimeline } from '../../src/core/columnar/bulk.ts';
import { MARKER_LAYER } from '../../src/core/columnar/marker-tiles.ts';
import { markerIndexes, markerTile } from '../../src/core/columnar/marker-index.ts';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { editDistance } from '../../src/core/resolve.ts';
import type { IncidentCategory } from '../../src/core/types.ts';

const gazetteer = { unitById, placeById, containingUnit, unitsOf, layoutsDuring };
const noAnchors = new Map<string, { lon: number; lat: number }>();
const locate = (id: string, precision: Parameters<typeof locateOn>[1]) => locateOn(id, precision, noAnchors);

/**
 * A user's file of `rows` incidents, as an ACLED-like CSV: dates to the day, to the month (MM.YYYY)
 * or to the year, points in three regions or only a region's name, five event types.
 */
function userFile(rows: number, seed = 1): Uint8Array {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const types = ['Attack', 'Foiled plot', 'Detention', 'Security operation', 'Conviction'];
  const lines = ['date,latitude,longitude,region,event_type,title'];
  for (let i = 0; i < rows; i++) {
    const year = 2005 + next(19);
    const month = String(1 + next(12)).padStart(2, '0');
    const precision = next(10);
    const date =
      precision < 6
        ? `${year}-${month}-${String(1 + next(28)).padStart(2, '0')}`
        : precision < 8
          ? `${month}.${year}`
          : `${year}`;
    const where = next(4);
    const point =
      where === 0 ? '49.80,73.10,' : where === 1 ? '50.28,57.17,' : where === 2 ? '43.25,76.95,' : ',,Pavlodar Region';
    lines.push(`${date},${point},${types[next(types.length)]},Row ${i}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('a large file in columns', () => {
  const read = readUserIncidents('big.csv', userFile(3000));
  const built = buildBulk(read.records, locate);

  it('keeps every accepted statement: one row per event, events in day order, none unplaced here', () => {
    expect(read.report.rejected).toEqual([]);
    expect(built.table.length).toBe(built.events.length);
    expect(built.events.length).toBe(3000);
    expect(built.unplaced).toBe(0);
    expect(built.table.dayOrder).not.toBeNull();
    for (let i = 1; i < built.table.length; i++)
      expect(built.table.day[i]!).toBeGreaterThanOrEqual(built.table.day[i - 1]!);
  });

  it('counts per unit as the object path does, for every year range and category set', () => {
    const events = groupEvents(read.records, locate).events;
    fc.assert(
      fc.property(
        fc.integer({ min: 2004, max: 2024 }),
        fc.integer({ min: 0, max: 6 }),
        fc.subarray([...INCIDENT_CATEGORIES], { minLength: 1 }),
        fc.constantFrom('A' as const, 'B' as const, 'C' as const),
        (from, span, categories, layout) => {
          const to = from + span;
          const filters = { from, to, categories: new Set<IncidentCategory>(categories), articles: new Set<string>() };
          const expected = incidentCountSeries(eventsInView(events, filters), layout, from, to, gazetteer);
          const { fromDay, toDay } = yearRangeDays(from, to);
          const counts = countByUnit(built.table, layout, fromDay, toDay, categoryMask(categories));
          const got = Object.fromEntries(layoutUnitIds(layout).map((id, u) => [id, counts[u]]));
          expect(got).toEqual(Object.fromEntries(expected.figures.map((f) => [f.unit, f.value.value])));
          expect(countShown(built.table, fromDay, toDay, categoryMask(categories))).toBe(
            eventsInView(events, filters).length,
          );
          // Per category whatever is ticked (the category filter's counts), in one pass.
          expect(countByCategory(built.table, fromDay, toDay)).toEqual(
            INCIDENT_CATEGORIES.map(
              (c) => eventsInView(events, { ...filters, categories: new Set<IncidentCategory>([c]) }).length,
            ),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adds its counts to the incident counts of the curated events', () => {
    const extra = new Map([['karaganda', 15000]]);
    const series = incidentCountSeries([], 'A', 2015, 2015, gazetteer, extra);
    expect(series.figures.find((f) => f.unit === 'karaganda')?.value.value).toBe(15000);
    expect(series.figures.find((f) => f.unit === 'aktobe')?.value.value).toBe(0);
  });

  it('times events like the timeline: by month when known, year-only apart, never in January', () => {
    const events = groupEvents(read.records, locate).events;
    for (const categories of [[...INCIDENT_CATEGORIES], ['attack', 'detention'] as IncidentCategory[]]) {
      const expected = histogram(
        eventsInView(events, { from: 2004, to: 2026, categories: new Set(categories), articles: new Set() }),
        2004,
        2026,
      );
      const got = tableTimeline(built.table, categoryMask(categories), 2004, 2026);
      expect(got.bins).toEqual(expected.bins);
      expect(got.spanning).toBe(expected.spanning.length);
    }
    const yearOnly = tableTimeline(built.table, ALL_CATEGORIES, 2004, 2026).bins.reduce((n, b) => n + b.yearOnly, 0);
    expect(yearOnly).toBeGreaterThan(0);
  });

  it('draws each placed event once, in its start year, with its row, category and precision', () => {
    const indexes = markerIndexes(built.table, built.flags);
    expect(indexes.map((m) => ({ year: m.year, count: m.count }))).toEqual(built.years);
    const world: [number, number, number, number] = [-180, -85, 180, 85];
    const rows = new Set<number>();
    for (const marker of indexes) {
      // Zoomed in past the clusters, every event is its own point.
      const points = marker.index.getClusters(world, 20);
      expect(points).toHaveLength(marker.count);
      for (const p of points) {
        const props = p.properties as Record<string, number>;
        const row = props['r']!;
        const event = built.events[row]!;
        rows.add(row);
        expect(marker.year).toBe(yearMonthOfDay(built.table.day[row]!).year);
        expect(INCIDENT_CATEGORIES[props['c']!]).toBe(event.category);
        expect(props['x']).toBe(event.datePrecision === 'day' ? 1 : 0);
        expect(props['a']).toBe(event.locationPrecision === 'region' ? 1 : 0);
        expect(p.geometry.coordinates[0]).toBeCloseTo(event.position!.lon, 4);
      }
      // At the country's zoom they cluster, and the clusters hold every event, by category.
      const clustered = marker.index.getClusters(world, 3);
      expect(clustered.length).toBeLessThan(marker.count);
      let total = 0;
      for (const f of clustered) {
        const props = f.properties as Record<string, number>;
        const n = props['point_count'] ?? 1;
        total += n;
        if (props['point_count']) expect(INCIDENT_CATEGORIES.reduce((sum, _, k) => sum + props[`n${k}`]!, 0)).toBe(n);
      }
      expect(total).toBe(marker.count);
    }
    expect(rows.size).toBe(built.events.filter((e) => e.position).length);
  });

  it('serves its markers as vector tiles MapLibre can read', () => {
    const [marker] = markerIndexes(built.table, built.flags);
    const tile = new VectorTile(new PbfReader(markerTile(marker!, 0, 0, 0)));
    const layer = tile.layers[MARKER_LAYER]!;
    let total = 0;
    for (let k = 0; k < layer.length; k++) {
      const props = layer.feature(k).properties as Record<string, number | boolean>;
      total += Number(props['point_count'] ?? 1);
    }
    expect(total).toBe(marker!.count);
    // A tile far from Kazakhstan is empty, not missing.
    expect(new VectorTile(new PbfReader(markerTile(marker!, 5, 0, 0))).layers[MARKER_LAYER]?.length ?? 0).toBe(0);
  });

  it('keeps an event spanning years in an index of its own, never clustered, with its days for the filter', () => {
    const records = readUserIncidents(
      'span.csv',
      new TextEncoder().encode(
        'date,end_date,region,event_type,title\n2011,2013,Aktobe Region,Attack,Long\n2012-05-01,,Aktobe Region,Attack,Short\n2012-06-01,,Aktobe Region,Attack,Other\n',
      ),
    ).records;
    const bulk = buildBulk(records, locate);
    expect(bulk.years).toEqual([
      { year: 2012, count: 2 },
      { year: null, count: 1 },
    ]);
    const spanning = markerIndexes(bulk.table, bulk.flags).find((m) => m.year === null)!;
    const [only] = spanning.index.getClusters([-180, -85, 180, 85], 0);
    expect(only!.properties).toMatchObject({ d0: bulk.table.day[0], d1: bulk.table.dayEnd[0], a: 1 });
    // The two 2012 events at one point cluster at a low zoom; the spanning one never does.
    const twelve = markerIndexes(bulk.table, bulk.flags).find((m) => m.year === 2012)!;
    expect(twelve.index.getClusters([-180, -85, 180, 85], 0)).toHaveLength(1);
  });

  it('is rebuilt from its stored buffer exactly, and refuses a buffer of the wrong size', () => {
    const copy = eventTableOnBuffer(built.table.buffer.slice(0), built.table.length, built.table.dayOrder!.maxSpan);
    expect([...copy.day]).toEqual([...built.table.day]);
    expect([...copy.unitB]).toEqual([...built.table.unitB]);
    expect(copy.dayOrder).toEqual(built.table.dayOrder);
    const out = new Uint32Array(copy.length);
    expect(
      visibleIndices(copy, ...(Object.values(yearRangeDays(2010, 2012)) as [number, number]), ALL_CATEGORIES, out),
    ).toBe(countShown(built.table, yearRangeDays(2010, 2012).fromDay, yearRangeDays(2010, 2012).toDay, ALL_CATEGORIES));
    expect(() => eventTableOnBuffer(new ArrayBuffer(BYTES_PER_EVENT * 3 + 1), 3)).toThrow(/do not hold 3 events/);
  });
});

describe('yearMonthOfDay', () => {
  it('agrees with the calendar for any day from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(yearMonthOfDay(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('editDistance (suggestions for unknown names)', () => {
  /** The textbook optimal-string-alignment distance on a full matrix. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  }

  it('equals the full-matrix distance for any two names', () => {
    const name = fc.string({ unit: fc.constantFrom(...'абвгакнтыau '.split('')), maxLength: 14 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(editDistance(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 3000 },
    );
    expect(editDistance('актюбинкая', 'актюбинская')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});
