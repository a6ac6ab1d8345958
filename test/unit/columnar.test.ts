import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { groupEvents } from '../../src/core/analysis/events.ts';
import { eventsInView } from '../../src/core/analysis/filter.ts';
import { incidentCountSeries } from '../../src/core/analysis/incident-counts.ts';
import { overlapsYears } from '../../src/core/parse/dates.ts';
import { buildUnitIndex } from '../../src/core/geo/assign.ts';
import type { UnitPolygons } from '../../src/core/geo/geometry-sets.ts';
import { containingUnit, placeById, unitById, unitsOf } from '../../src/core/gazetteer.ts';
import type { IncidentCategory } from '../../src/core/types.ts';
import {
  ALL_CATEGORIES,
  BYTES_PER_EVENT,
  INCIDENT_CATEGORIES,
  NO_UNIT,
  bytesPerEvent,
  dayRangeOf,
  daysFromCivil,
  eventTableFromArrays,
  eventTableFromRows,
  fromAtlasEvents,
  isoOfDay,
  layoutUnitIds,
  sortByDay,
  yearRangeDays,
  type EventTable,
} from '../../src/core/columnar/event-table.ts';
import { countByUnit, visibleIndices, visibleMask } from '../../src/core/columnar/aggregate.ts';
import { assignUnits } from '../../src/core/columnar/assign.ts';
import { mulberry32, syntheticEvents, syntheticTable } from '../../src/core/columnar/synthetic.ts';
import { curatedDataset } from '../helpers/curated.ts';

const regions = JSON.parse(
  readFileSync(new URL('../../geo/boundaries/regions-1997.geojson', import.meta.url), 'utf8'),
) as UnitPolygons;
const regionIndex = buildUnitIndex(regions);
const inKazakhstan = (lon: number, lat: number) => regionIndex.unitIndexAt(lon, lat) >= 0;
const UNITS_A = layoutUnitIds('A');

/** A fresh seeded table with units of the 1997-2018 layout (no fixture is shared between cases). */
function assignedTable(count: number, seed: number): EventTable {
  const table = syntheticTable({ count, seed, inKazakhstan });
  assignUnits(table, 'A', regions);
  return table;
}

/** The naive assignment: every feature in unit-id order, first turf hit. */
const byUnitId = [...regions.features].sort((a, b) => (a.properties.unit < b.properties.unit ? -1 : 1));
function naiveUnitAt(lon: number, lat: number): string | null {
  const features = byUnitId;
  for (const f of features) if (booleanPointInPolygon([lon, lat], f)) return f.properties.unit;
  return null;
}

/** The table as app-style objects: ISO dates, category and unit ids. */
function toObjects(table: EventTable) {
  const iso = new Map<number, string>();
  const isoOf = (d: number) => iso.get(d) ?? (iso.set(d, isoOfDay(d)), iso.get(d)!);
  return Array.from({ length: table.length }, (_, i) => ({
    category: INCIDENT_CATEGORIES[table.category[i]!]!,
    start: isoOf(table.day[i]!),
    end: isoOf(table.dayEnd[i]!),
    unit: table.unitA[i] === NO_UNIT ? null : UNITS_A[table.unitA[i]!]!,
  }));
}

/** The object-array baseline: the app's filter rule, then a reduce per unit. */
function baselineCounts(
  objects: ReturnType<typeof toObjects>,
  from: number,
  to: number,
  categories: ReadonlySet<IncidentCategory>,
) {
  const counts = objects
    .filter((e) => categories.has(e.category) && overlapsYears(e.start, e.end, from, to))
    .reduce(
      (acc, e) => (e.unit === null ? acc : acc.set(e.unit, (acc.get(e.unit) ?? 0) + 1)),
      new Map<string, number>(),
    );
  return UNITS_A.map((id) => counts.get(id) ?? 0);
}

/** Random year ranges and category subsets, the same for a seed. */
function randomFilters(seed: number, count: number) {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const a = 2002 + Math.floor(random() * 24);
    const b = 2002 + Math.floor(random() * 24);
    const categories = new Set(INCIDENT_CATEGORIES.filter(() => random() < 0.6));
    const mask = [...categories].reduce((m, c) => m | (1 << INCIDENT_CATEGORIES.indexOf(c)), 0);
    return { from: Math.min(a, b), to: Math.max(a, b), categories, mask };
  });
}

describe('days', () => {
  it('numbers days from 1970-01-01 as Date does', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2011-05-14', '2024-12-31', '1969-12-31']) {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      expect(isoOfDay(daysFromCivil(y, m, d))).toBe(iso);
    }
  });

  it('reads partial dates as the whole span they cover', () => {
    expect(dayRangeOf('2011-05-14')).toEqual([daysFromCivil(2011, 5, 14), daysFromCivil(2011, 5, 14)]);
    expect(dayRangeOf('2024-02')).toEqual([daysFromCivil(2024, 2, 1), daysFromCivil(2024, 2, 29)]);
    expect(dayRangeOf('2011')).toEqual([daysFromCivil(2011, 1, 1), daysFromCivil(2011, 12, 31)]);
    for (const bad of ['2011-13', '2011-02-30', '11-05-14', '2011/05', '']) expect(dayRangeOf(bad)).toBeNull();
  });
});

describe('EventTable', () => {
  it('takes at most 40 bytes per event, everything included', () => {
    const table = syntheticTable({ count: 5_000, seed: 7, inKazakhstan });
    expect(BYTES_PER_EVENT).toBeLessThanOrEqual(40);
    expect(bytesPerEvent(table)).toBe(BYTES_PER_EVENT);
    const views = [
      table.lon,
      table.lat,
      table.day,
      table.dayEnd,
      table.category,
      table.unitA,
      table.unitB,
      table.unitC,
    ];
    expect(views.every((v) => v.buffer === table.buffer)).toBe(true);
    expect(views.reduce((sum, v) => sum + v.byteLength, 0)).toBe(table.buffer.byteLength);
  });

  it('builds the same table from rows as from columns, and notes day order', () => {
    const rows = [...syntheticEvents({ count: 500, seed: 3, inKazakhstan })];
    const fromRows = eventTableFromRows(rows, 16);
    const fromColumns = eventTableFromArrays({
      lon: rows.map((r) => r.lon),
      lat: rows.map((r) => r.lat),
      day: rows.map((r) => r.day),
      dayEnd: rows.map((r) => r.dayEnd),
      category: rows.map((r) => r.category as number),
    });
    expect(fromRows.length).toBe(500);
    expect(new Uint8Array(fromRows.buffer)).toEqual(new Uint8Array(fromColumns.buffer));
    expect(fromRows.dayOrder).toBeNull();
    const sorted = sortByDay(fromRows);
    expect(sorted.dayOrder).not.toBeNull();
    expect([...sorted.day]).toEqual([...fromRows.day].sort((a, b) => a - b));
  });

  it('holds the app events with the units the incident counts use', () => {
    const dataset = curatedDataset();
    const { events } = groupEvents(dataset.incidents, (id) => {
      const p = placeById(id) ?? placeById(unitById(id)?.centre ?? '');
      return p ? { lon: p.lon, lat: p.lat } : null;
    });
    const table = fromAtlasEvents(events);
    const all = new Set(INCIDENT_CATEGORIES);
    const gazetteer = { unitById, placeById, containingUnit, unitsOf };
    for (const layout of ['A', 'B', 'C'] as const) {
      for (const [from, to] of [
        [2004, 2023],
        [2011, 2011],
        [2014, 2016],
        [2019, 2022],
      ] as const) {
        const shown = eventsInView(events, { from, to, categories: all, articles: new Set() });
        const expected = incidentCountSeries(shown, layout, from, to, gazetteer).figures.map((f) => [
          f.unit,
          f.value.value,
        ]);
        const { fromDay, toDay } = yearRangeDays(from, to);
        const counts = countByUnit(table, layout, fromDay, toDay, ALL_CATEGORIES);
        expect(layoutUnitIds(layout).map((id, u) => [id, counts[u]])).toEqual(expected);
      }
    }
  });
});

describe('countByUnit', () => {
  it('equals filter + reduce over objects for random year ranges and categories, sorted or not', () => {
    const sorted = assignedTable(20_000, 11);
    expect(sorted.dayOrder).not.toBeNull();
    const unsorted = eventTableFromRows(syntheticEvents({ count: 20_000, seed: 11, inKazakhstan }));
    assignUnits(unsorted, 'A', regions);
    expect(unsorted.dayOrder).toBeNull();
    const [sortedObjects, unsortedObjects] = [toObjects(sorted), toObjects(unsorted)];
    const out = new Uint32Array(UNITS_A.length);
    for (const { from, to, categories, mask } of randomFilters(99, 60)) {
      const { fromDay, toDay } = yearRangeDays(from, to);
      const expected = baselineCounts(sortedObjects, from, to, categories);
      expect([...countByUnit(sorted, 'A', fromDay, toDay, mask, out)]).toEqual(expected);
      expect([...countByUnit(unsorted, 'A', fromDay, toDay, mask)]).toEqual(
        baselineCounts(unsortedObjects, from, to, categories),
      );
    }
  });

  it('counts an event in every day range its span reaches, at any day boundary', () => {
    const table = assignedTable(3_000, 5);
    const random = mulberry32(17);
    for (let k = 0; k < 40; k++) {
      const a = daysFromCivil(2003, 1, 1) + Math.floor(random() * 8000);
      const b = a + Math.floor(random() * 400);
      const expected = new Array<number>(UNITS_A.length).fill(0);
      for (let i = 0; i < table.length; i++) {
        if (table.day[i]! <= b && table.dayEnd[i]! >= a && table.unitA[i] !== NO_UNIT) expected[table.unitA[i]!]!++;
      }
      expect([...countByUnit(table, 'A', a, b, ALL_CATEGORIES)]).toEqual(expected);
    }
  });

  it('counts nothing for an empty range or no category, and allocates nothing with out', () => {
    const table = assignedTable(1_000, 8);
    const out = new Uint32Array(UNITS_A.length).fill(9);
    expect(countByUnit(table, 'A', 20_000, 10_000, ALL_CATEGORIES, out)).toBe(out);
    expect([...out].every((n) => n === 0)).toBe(true);
    expect([...countByUnit(table, 'A', 0, 30_000, 0)].every((n) => n === 0)).toBe(true);
  });

  it('agrees with visibleMask and visibleIndices', () => {
    const table = assignedTable(5_000, 13);
    const mask = new Uint8Array(table.length);
    const rows = new Uint32Array(table.length);
    for (const { from, to, mask: categories } of randomFilters(4, 20)) {
      const { fromDay, toDay } = yearRangeDays(from, to);
      const shown = visibleMask(table, fromDay, toDay, categories, mask);
      const n = visibleIndices(table, fromDay, toDay, categories, rows);
      expect(n).toBe(shown);
      expect([...rows.subarray(0, n)]).toEqual([...mask.keys()].filter((i) => mask[i] === 1));
      const inUnits = [...rows.subarray(0, n)].filter((i) => table.unitA[i] !== NO_UNIT).length;
      expect(countByUnit(table, 'A', fromDay, toDay, categories).reduce((a, b) => a + b, 0)).toBe(inUnits);
    }
  });
});

describe('assignUnits', () => {
  it('equals the naive turf loop on a sample, and the index alone on every event', () => {
    const withGrid = syntheticTable({ count: 30_000, seed: 21, inKazakhstan });
    const withoutGrid = syntheticTable({ count: 30_000, seed: 21, inKazakhstan });
    expect(assignUnits(withGrid, 'A', regions, { grid: true }).exactTests).toBeLessThan(30_000 / 4);
    expect(assignUnits(withoutGrid, 'A', regions, { grid: false }).exactTests).toBe(30_000);
    expect([...withGrid.unitA]).toEqual([...withoutGrid.unitA]);
    const random = mulberry32(23);
    for (let k = 0; k < 1_000; k++) {
      const i = Math.floor(random() * withGrid.length);
      const unit = withGrid.unitA[i] === NO_UNIT ? null : UNITS_A[withGrid.unitA[i]!];
      expect(unit, `event ${i} at ${withGrid.lon[i]}, ${withGrid.lat[i]}`).toBe(
        naiveUnitAt(withGrid.lon[i]!, withGrid.lat[i]!),
      );
    }
  });

  it('equals the naive turf loop on and around boundary vertices, in crowded cells too', () => {
    const lon: number[] = [];
    const lat: number[] = [];
    const random = mulberry32(31);
    for (const f of regions.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let k = 0; k + 1 < ring.length; k += 5) {
          const [x, y] = ring[k] as [number, number];
          const [x2, y2] = ring[k + 1] as [number, number];
          lon.push(x, (x + x2) / 2);
          lat.push(y, (y + y2) / 2);
          // A crowd around the vertex, so that its grid cells are split into sub-cells.
          for (let j = 0; j < 40; j++) {
            lon.push(x + (random() - 0.5) * 0.02);
            lat.push(y + (random() - 0.5) * 0.02);
          }
        }
      }
    }
    const n = lon.length;
    const zeros = new Array<number>(n).fill(0);
    const table = eventTableFromArrays({ lon, lat, day: zeros, dayEnd: zeros, category: zeros });
    const report = assignUnits(table, 'A', regions, { grid: true });
    expect(report.assigned + report.outside).toBe(n);
    expect(report.exactTests).toBeLessThan(n);
    for (let i = 0; i < n; i++) {
      const unit = table.unitA[i] === NO_UNIT ? null : UNITS_A[table.unitA[i]!];
      expect(unit, `point ${i} at ${table.lon[i]}, ${table.lat[i]}`).toBe(naiveUnitAt(table.lon[i]!, table.lat[i]!));
    }
  });

  it('gives events outside every polygon, or without a position, no unit', () => {
    const table = eventTableFromArrays({
      lon: [10, NaN, 76.92],
      lat: [10, NaN, 43.24],
      day: [0, 0, 0],
      dayEnd: [0, 0, 0],
      category: [0, 0, 0],
    });
    const report = assignUnits(table, 'A', regions);
    expect([...table.unitA]).toEqual([NO_UNIT, NO_UNIT, UNITS_A.indexOf('almaty')]);
    expect(report).toMatchObject({ assigned: 1, outside: 2, unknownUnits: [] });
  });
});

describe('synthetic events', () => {
  it('are the same for the same seed and differ for another', () => {
    const a = syntheticTable({ count: 2_000, seed: 42, inKazakhstan });
    const b = syntheticTable({ count: 2_000, seed: 42, inKazakhstan });
    const c = syntheticTable({ count: 2_000, seed: 43, inKazakhstan });
    expect(new Uint8Array(a.buffer)).toEqual(new Uint8Array(b.buffer));
    expect(new Uint8Array(a.buffer)).not.toEqual(new Uint8Array(c.buffer));
  });

  it('cluster at cities, span 2004-2023 with mixed precision and skewed categories', () => {
    const table = assignedTable(20_000, 1);
    const years = new Set([...table.day].map((d) => isoOfDay(d).slice(0, 4)));
    expect([...years].sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(2004 + i)));
    const spans = [...table.day].map((d, i) => table.dayEnd[i]! - d);
    const share = (test: (s: number) => boolean) => spans.filter(test).length / spans.length;
    expect(share((s) => s === 0)).toBeCloseTo(0.7, 1);
    expect(share((s) => s >= 27 && s <= 30)).toBeCloseTo(0.2, 1);
    expect(share((s) => s >= 364)).toBeCloseTo(0.1, 1);
    const perCategory = INCIDENT_CATEGORIES.map((_, c) => table.category.filter((x) => x === c).length);
    expect(perCategory[INCIDENT_CATEGORIES.indexOf('detention')]).toBeGreaterThan(
      perCategory[INCIDENT_CATEGORIES.indexOf('unrest')]! * 5,
    );
    // A few clustered events fall across a border; almost all lie in a unit.
    const assigned = [...table.unitA].filter((u) => u !== NO_UNIT).length;
    expect(assigned / table.length).toBeGreaterThan(0.95);
  });
});
