/**
 * buildUnitIndex / assignPoints on synthetic fixtures (test/fixtures/assign/in → out, `REGEN=1`
 * rewrites out/) and on the real boundaries read in place from ../shared/fixtures/boundaries/
 * (geokz, CC BY 4.0): every gazetteer place lands in its unit, and the index agrees with a naive loop.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, bbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { assignPoints, buildUnitIndex } from '../../src/core/geo/assign.ts';
import { places, unitsOf } from '../../src/core/gazetteer.ts';
import type { LayoutId } from '../../src/core/types.ts';
import { unitRecord } from '../../src/core/gazetteer-details.ts';

type Polygonal = Polygon | MultiPolygon;
type UnitCollection = FeatureCollection<Polygonal, { unit: string }>;
type UnitFeature = Feature<Polygonal, { unit: string }>;
type PointFeature = Feature<Point, { name: string }>;
/** An input fixture: unit polygons and named points to assign, with what the case shows. */
type Fixture = FeatureCollection<Polygonal | Point, { unit: string } | { name: string }> & { description: string };

const FIXTURES = new URL('../fixtures/assign/', import.meta.url);
const REGEN = process.env['REGEN'] === '1';
const UNIT_COLOURS = ['#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const OUTSIDE_COLOUR = '#7f7f7f';

const readJson = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

/** Two-space JSON with each position on one line, so a diff of a regenerated file reads well. */
const serialize = (value: unknown): string =>
  JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]') + '\n';

const isUnit = (f: Fixture['features'][number]): f is UnitFeature => f.geometry.type !== 'Point';
const isPoint = (f: Fixture['features'][number]): f is PointFeature => f.geometry.type === 'Point';

/** Units filled in their colours, each point coloured like the unit it was assigned to (grey outside). */
function styledOutput(input: Fixture): unknown {
  const unitFeatures = input.features.filter(isUnit);
  const points = input.features.filter(isPoint);
  const index = buildUnitIndex({ type: 'FeatureCollection', features: unitFeatures });
  const colourOf = (unit: string | null): string =>
    unit === null ? OUTSIDE_COLOUR : UNIT_COLOURS[index.units.indexOf(unit) % UNIT_COLOURS.length]!;
  const assigned = assignPoints(
    index,
    Float64Array.from(points, (p) => p.geometry.coordinates[0]!),
    Float64Array.from(points, (p) => p.geometry.coordinates[1]!),
  );
  return {
    type: 'FeatureCollection',
    description: input.description,
    features: [
      ...unitFeatures.map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          stroke: colourOf(f.properties.unit),
          'stroke-width': 2,
          fill: colourOf(f.properties.unit),
          'fill-opacity': 0.2,
        },
      })),
      ...points.map((p, i) => {
        const unit = assigned[i]! < 0 ? null : index.units[assigned[i]!]!;
        return { ...p, properties: { ...p.properties, unit, 'marker-color': colourOf(unit), 'marker-size': 'small' } };
      }),
    ],
  };
}

const fixtureNames = readdirSync(new URL('in/', FIXTURES))
  .filter((name) => name.endsWith('.geojson'))
  .sort();

describe('assignPoints fixtures', () => {
  it.each(fixtureNames)('%s', (name) => {
    const actual = styledOutput(readJson<Fixture>(new URL(`in/${name}`, FIXTURES)));
    const outUrl = new URL(`out/${name}`, FIXTURES);
    if (REGEN) writeFileSync(outUrl, serialize(actual));
    expect(actual).toEqual(readJson(outUrl));
  });
});

/** The unit polygons of one input fixture, fresh for each test. */
function fixtureUnits(name: string): UnitCollection {
  const input = readJson<Fixture>(new URL(`in/${name}.geojson`, FIXTURES));
  return { type: 'FeatureCollection', features: input.features.filter(isUnit) };
}

describe('buildUnitIndex', () => {
  it('finds the unit of a point inside a polygon', () => {
    expect(buildUnitIndex(fixtureUnits('three-units-meet')).unitAt(57, 48)).toBe('aktobe');
  });

  it('answers null outside every polygon', () => {
    expect(buildUnitIndex(fixtureUnits('three-units-meet')).unitAt(57, 55)).toBeNull();
  });

  it('does not count a hole as inside its polygon', () => {
    const units = fixtureUnits('enclave-and-exclave');
    units.features = units.features.filter((f) => f.properties.unit === 'akmola');
    expect(buildUnitIndex(units).unitAt(71.5, 51.5)).toBeNull();
  });

  it('finds the unit of a point in an enclave filling a hole', () => {
    expect(buildUnitIndex(fixtureUnits('enclave-and-exclave')).unitAt(71.5, 51.5)).toBe('astana');
  });

  it('finds a point in the second part of a MultiPolygon', () => {
    expect(buildUnitIndex(fixtureUnits('enclave-and-exclave')).unitAt(74.2, 51.2)).toBe('astana');
  });

  it('gives a point on a shared edge to the unit whose id sorts first, whatever the feature order', () => {
    const units = fixtureUnits('three-units-meet');
    const reversed = { ...units, features: [...units.features].reverse() };
    for (const fc of [units, reversed]) {
      const index = buildUnitIndex(fc);
      expect([index.unitAt(52, 52), index.unitAt(57, 52), index.unitAt(55, 52)]).toEqual([
        'kostanay',
        'aktobe',
        'aktobe',
      ]);
    }
  });

  it('lists the distinct unit ids in code-unit order', () => {
    expect(buildUnitIndex(fixtureUnits('three-units-meet')).units).toEqual(['aktobe', 'kostanay', 'west-kazakhstan']);
  });

  it('answers null for every point when there are no polygons', () => {
    expect(buildUnitIndex({ type: 'FeatureCollection', features: [] }).unitAt(57, 48)).toBeNull();
  });

  it('answers null for coordinates that are not finite', () => {
    expect(buildUnitIndex(fixtureUnits('three-units-meet')).unitAt(Number.NaN, 48)).toBeNull();
  });
});

describe('assignPoints', () => {
  it('gives the position in index.units of each point’s unit, -1 outside', () => {
    const index = buildUnitIndex(fixtureUnits('three-units-meet'));
    const at = assignPoints(index, Float64Array.of(57, 62, 52, 57), Float64Array.of(48, 53, 50, 55));
    expect(at).toEqual(Int32Array.of(0, 1, 2, -1));
  });

  it('refuses longitude and latitude arrays of different lengths', () => {
    const index = buildUnitIndex(fixtureUnits('three-units-meet'));
    expect(() => assignPoints(index, new Float64Array(2), new Float64Array(3))).toThrow(/2 longitudes, 3 latitudes/);
  });
});

// ---------------------------------------------------------------------------------------------
// Real boundaries

/** A shared boundary file with each feature's ADM1_PCODE mapped to the unit of `layout` with that P-code. */
function boundaries(file: string, layout: LayoutId): UnitCollection {
  const url = new URL(`../../../shared/fixtures/boundaries/${file}`, import.meta.url);
  const fc = readJson<FeatureCollection<Polygonal, { ADM1_PCODE: string }>>(url);
  const byPcode = new Map(unitsOf(layout).map((u) => [unitRecord(u).pcode, u.id]));
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const unit = byPcode.get(f.properties.ADM1_PCODE);
      if (unit === undefined)
        throw new Error(`${file}: no layout ${layout} unit with P-code ${f.properties.ADM1_PCODE}`);
      return { type: 'Feature', properties: { unit }, geometry: f.geometry };
    }),
  };
}

/** Points of Kazakhstan in the gazetteer (the country itself has no unit). */
const kazakhPlaces = places.filter((p) => p.country === 'KZ' && p.kind !== 'country');

describe.each([
  { file: 'kaz_admbnda_adm1_2024.geojson', layout: 'C' as const },
  { file: 'kaz_admbnda_adm1_2018.geojson', layout: 'B' as const },
])('$file (layout $layout)', ({ file, layout }) => {
  const units = boundaries(file, layout);
  const index = buildUnitIndex(units);

  it('knows one polygon set per unit of the layout', () => {
    expect(index.units).toEqual(
      unitsOf(layout)
        .map((u) => u.id)
        .sort(),
    );
  });

  it.each(kazakhPlaces.map((p) => [p.id, p] as const))('assigns %s to its unit', (_id, place) => {
    expect(index.unitAt(place.lon, place.lat)).toBe(place.units[layout]);
  });

  /** The reference: features in unit-id order, the first that contains the point (turf) wins. */
  const sorted = [...units.features].sort((a, b) => (a.properties.unit < b.properties.unit ? -1 : 1));
  const naive = (lons: Float64Array, lats: Float64Array): Int32Array =>
    Int32Array.from(lons, (lon, i) => {
      const hit = sorted.find((f) => booleanPointInPolygon([lon, lats[i]!], f));
      return hit ? index.units.indexOf(hit.properties.unit) : -1;
    });

  it('agrees with a naive loop over all polygons on 10,000 random points', () => {
    const [minX, minY, maxX, maxY] = bbox(units);
    const random = mulberry32(2024);
    const n = 10_000;
    const lons = Float64Array.from({ length: n }, () => minX! + random() * (maxX! - minX!));
    const lats = Float64Array.from({ length: n }, () => minY! + random() * (maxY! - minY!));

    let started = performance.now();
    const indexed = assignPoints(index, lons, lats);
    const indexMs = performance.now() - started;
    started = performance.now();
    const expected = naive(lons, lats);
    const naiveMs = performance.now() - started;

    const inside = indexed.filter((i) => i >= 0).length;
    console.log(
      `${file}: ${n} points (${inside} inside Kazakhstan): index ${indexMs.toFixed(0)} ms, naive ${naiveMs.toFixed(0)} ms`,
    );
    expect(inside).toBeGreaterThan(n * 0.4);
    expect(indexed).toEqual(expected);
  });

  it('agrees with the naive loop on every boundary vertex, where units touch', () => {
    const vertices = units.features.flatMap((f) =>
      (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
    );
    const lons = Float64Array.from(vertices, (v) => v[0]!);
    const lats = Float64Array.from(vertices, (v) => v[1]!);
    const indexed = assignPoints(index, lons, lats);
    expect(indexed.every((i) => i >= 0)).toBe(true);
    expect(indexed).toEqual(naive(lons, lats));
  });
});

/** A small seeded random generator (mulberry32), so the random points are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
