/**
 * Checks the generated boundary files (geo/scripts/build-boundaries.ts) for validity and against
 * the real 2018 and 2024 administrative boundaries in ../shared/fixtures/boundaries/ (geokz, CC BY 4.0).
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type Polygonal = Polygon | MultiPolygon;
type RegionProperties = { unit: string; kato: string; anchor: [number, number] };
type ContextProperties = { name: string; iso_n3: string | null; kind: string };
type FixtureProperties = { ADM1_PCODE: string; ADM1_EN: string };
type RegionFile = FeatureCollection<Polygonal, RegionProperties> & {
  attribution: string;
  source: string;
  notes?: string[];
};

function readGeoJson<P>(url: URL): FeatureCollection<Polygonal, P> & Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as FeatureCollection<Polygonal, P> & Record<string, unknown>;
}

const context = readGeoJson<ContextProperties>(new URL('../../geo/boundaries/context.geojson', import.meta.url));
const fixture = (year: string) =>
  readGeoJson<FixtureProperties>(
    new URL(`../../../shared/fixtures/boundaries/kaz_admbnda_adm1_${year}.geojson`, import.meta.url),
  );

/** Unit ids by KATO digits in each layout, as the gazetteer names them. */
const UNITS_A: Record<string, string> = {
  '11': 'akmola',
  '15': 'aktobe',
  '19': 'almaty-oblast',
  '23': 'atyrau',
  '27': 'west-kazakhstan',
  '31': 'zhambyl',
  '35': 'karaganda',
  '39': 'kostanay',
  '43': 'kyzylorda',
  '47': 'mangystau',
  '51': 'south-kazakhstan',
  '55': 'pavlodar',
  '59': 'north-kazakhstan',
  '63': 'east-kazakhstan',
  '71': 'astana',
  '75': 'almaty',
};
const UNITS_B: Record<string, string> = {
  ...Object.fromEntries(Object.entries(UNITS_A).filter(([kato]) => kato !== '51')),
  '61': 'turkistan',
  '79': 'shymkent',
};
const UNITS_C: Record<string, string> = {
  ...UNITS_B,
  '10': 'abai',
  '19': 'almaty-oblast-2022',
  '33': 'zhetisu',
  '35': 'karaganda-2022',
  '62': 'ulytau',
  '63': 'east-kazakhstan-2022',
};
const byKato = (units: Record<string, string>) => Object.entries(units).sort(([a], [b]) => a.localeCompare(b));

/** Each embedded layout, its file, its units and the geokz fixture it is checked against. */
const LAYOUTS = [
  { layout: 'A', file: 'regions-1997', units: byKato(UNITS_A), fixture: '2018' },
  { layout: 'B', file: 'regions-2018', units: byKato(UNITS_B), fixture: '2018' },
  { layout: 'C', file: 'regions-2022', units: byKato(UNITS_C), fixture: '2024' },
] as const;

/** Kazakhstan's extremes in the fixtures are [46.492, 40.591, 87.313, 55.432]; padded by about 1 km. */
const KAZAKHSTAN_BBOX = [46.48, 40.58, 87.33, 55.45] as const;

/**
 * Minimum area IoU of each embedded unit with its geokz counterpart, cities included. Measured:
 * oblasts 0.979 (North Kazakhstan) and more, the cities 0.986 (Almaty) to 0.991 (Shymkent).
 */
const MIN_IOU = 0.97;

/** Kyrgyzstan etc. by their Natural Earth names. */
const NEIGHBOURS = ['Kazakhstan', 'Russia', 'China', 'Kyrgyzstan', 'Uzbekistan', 'Turkmenistan'];
const CONTEXT_BBOX = [26, 26, 110, 66] as const;

function positionsOf(geometry: Polygonal): Position[] {
  return (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
}

function ringsOf(geometry: Polygonal): { outer: boolean; ring: Position[] }[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => polygon.map((ring, i) => ({ outer: i === 0, ring })));
}

function bboxesIntersect(a: number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

function intersectionArea(a: Feature<Polygonal>, b: Feature<Polygonal>): number {
  if (!bboxesIntersect(turf.bbox(a), turf.bbox(b))) return 0;
  const shared = turf.intersect(turf.featureCollection([a, b]));
  return shared ? turf.area(shared) : 0;
}

function iou(a: Feature<Polygonal>, b: Feature<Polygonal>): number {
  const union = turf.union(turf.featureCollection([a, b]));
  return intersectionArea(a, b) / turf.area(union!);
}

/** The fixture feature(s) covering a unit: South Kazakhstan (51) = Turkistan (61) + Shymkent (79). */
function fixtureCounterpart(features: Feature<Polygonal, FixtureProperties>[], kato: string): Feature<Polygonal> {
  const pcodes = kato === '51' ? ['KZ61', 'KZ79'] : [`KZ${kato}`];
  const parts = features.filter((f) => pcodes.includes(f.properties.ADM1_PCODE));
  expect(parts.map((f) => f.properties.ADM1_PCODE).sort()).toEqual(pcodes);
  return parts.length === 1 ? parts[0]! : turf.union(turf.featureCollection(parts))!;
}

/** The polygons of a unit set's union: each outer ring with its holes (gaps inside the country). */
function unionPolygons(features: Feature<Polygonal>[]): Position[][][] {
  const union = turf.union(turf.featureCollection(features))!.geometry as Polygonal;
  return union.type === 'Polygon' ? [union.coordinates] : union.coordinates;
}

describe.each(LAYOUTS)('$file.geojson (layout $layout)', ({ file, units, fixture: year }) => {
  const regions = readGeoJson<RegionProperties>(
    new URL(`../../geo/boundaries/${file}.geojson`, import.meta.url),
  ) as unknown as RegionFile;
  const reference = fixture(year).features;

  it('has every unit of its layout once, sorted by KATO, with geokz named as the source', () => {
    expect(regions.features.map((f) => [f.properties.kato, f.properties.unit])).toEqual(units);
    for (const f of regions.features) expect(Object.keys(f.properties)).toEqual(['unit', 'kato', 'anchor']);
    expect(regions.attribution).toContain('geokz');
    expect(regions.attribution).toContain('CC BY 4.0');
    expect(regions.source).toMatch(/geokz commit [0-9a-f]{40}/);
  });

  it("gives each unit an interior point (anchor), turf's pointOnFeature as the app computes it for imports", () => {
    for (const f of regions.features) {
      expect(turf.booleanPointInPolygon(f.properties.anchor, f), f.properties.unit).toBe(true);
      const computed = turf.pointOnFeature(f).geometry.coordinates;
      expect(f.properties.anchor[0], f.properties.unit).toBeCloseTo(computed[0]!, 4);
      expect(f.properties.anchor[1], f.properties.unit).toBeCloseTo(computed[1]!, 4);
    }
  });

  it('has no self-intersecting polygons', () => {
    const kinked = regions.features
      .map((f) => [f.properties.unit, turf.kinks(f).features.length] as const)
      .filter(([, kinks]) => kinks > 0);
    expect(kinked).toEqual([]);
  });

  it('winds outer rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    for (const f of regions.features) {
      for (const { outer, ring } of ringsOf(f.geometry)) {
        expect(turf.booleanClockwise(ring), f.properties.unit).toBe(!outer);
      }
    }
  });

  it('lies inside Kazakhstan', () => {
    const [west, south, east, north] = KAZAKHSTAN_BBOX;
    for (const f of regions.features) {
      const outside = positionsOf(f.geometry).filter(([x, y]) => x! < west || x! > east || y! < south || y! > north);
      expect(outside, f.properties.unit).toEqual([]);
    }
  });

  it(
    'leaves no sliver between neighbours: no two units overlap, and their union has no gap',
    { timeout: 60_000 },
    () => {
      const overlaps: string[] = [];
      for (const [i, a] of regions.features.entries()) {
        for (const b of regions.features.slice(i + 1)) {
          const shared = intersectionArea(a, b);
          if (shared > 1) overlaps.push(`${a.properties.unit}/${b.properties.unit}: ${shared.toFixed(0)} m²`);
        }
      }
      expect(overlaps).toEqual([]);
      const gaps = unionPolygons(regions.features).flatMap((polygon) =>
        polygon.slice(1).map((hole) => `${turf.area(turf.polygon([hole])).toFixed(0)} m² at ${hole[0]!.join(',')}`),
      );
      expect(gaps).toEqual([]);
    },
  );

  it(
    `matches each unit, cities included, with its geokz ${year} counterpart by area IoU of at least ${MIN_IOU}`,
    { timeout: 60_000 },
    () => {
      const rows = regions.features.map((f) => ({
        unit: f.properties.unit,
        iou: iou(f, fixtureCounterpart(reference, f.properties.kato)),
      }));
      const low = rows.filter((r) => r.iou < MIN_IOU).map((r) => `${r.unit} ${r.iou.toFixed(3)}`);
      expect(low).toEqual([]);
    },
  );

  it('covers the same total area as the geokz units, within 0.5%', () => {
    const total = (features: Feature<Polygonal>[]) => features.reduce((sum, f) => sum + turf.area(f), 0);
    expect(Math.abs(total(regions.features) - total(reference)) / total(reference)).toBeLessThan(0.005);
  });
});

describe('the 1997-2018 layout, dissolved from the 2018-2022 one', () => {
  const read = (file: string) =>
    readGeoJson<RegionProperties>(
      new URL(`../../geo/boundaries/${file}.geojson`, import.meta.url),
    ) as unknown as RegionFile;
  const [a, b] = [read('regions-1997'), read('regions-2018')];

  it('draws South Kazakhstan exactly as Turkistan and Shymkent together, and the other units as in 2018', () => {
    const unit = (file: RegionFile, id: string) => file.features.find((f) => f.properties.unit === id)!;
    const merged = turf.union(turf.featureCollection([unit(b, 'turkistan'), unit(b, 'shymkent')]))!;
    expect(iou(unit(a, 'south-kazakhstan'), merged)).toBeGreaterThan(0.9999);
    for (const f of a.features.filter((f) => f.properties.unit !== 'south-kazakhstan')) {
      expect(f.geometry, f.properties.unit).toEqual(unit(b, f.properties.unit).geometry);
    }
  });

  it("says where the derived outlines differ from the historical ones (Astana's and Almaty's extensions)", () => {
    expect(a.notes?.join(' ')).toMatch(/Astana.*2018.*Akmola/);
    expect(a.notes?.join(' ')).toMatch(/Almaty.*2014/);
  });
});

describe('context.geojson', () => {
  it('has Kazakhstan and its neighbours', () => {
    const names = context.features.map((f) => f.properties.name);
    expect(names).toEqual(expect.arrayContaining(NEIGHBOURS));
    const kazakhstan = context.features.filter((f) => f.properties.kind === 'kazakhstan');
    expect(kazakhstan.map((f) => f.properties.name)).toEqual(['Kazakhstan']);
  });

  it('has only non-empty features inside the clip box', () => {
    for (const f of context.features) {
      expect(positionsOf(f.geometry).length, f.properties.name).toBeGreaterThan(0);
      expect(bboxesIntersect(turf.bbox(f), CONTEXT_BBOX), f.properties.name).toBe(true);
    }
  });
});

describe('the TopoJSON the app loads', () => {
  const decode = (file: string, name: string) => {
    const topology = JSON.parse(
      readFileSync(new URL(`../../geo/boundaries/${file}`, import.meta.url), 'utf8'),
    ) as Topology;
    return topojsonFeature(topology, topology.objects[name]!) as unknown as FeatureCollection<
      Polygon | MultiPolygon,
      { unit?: string; name?: string }
    >;
  };

  it.each(LAYOUTS)('decodes $file.topojson to the same units with areas within 0.5% of the GeoJSON', ({ file }) => {
    const topo = decode(`${file}.topojson`, 'regions');
    const geo = JSON.parse(
      readFileSync(new URL(`../../geo/boundaries/${file}.geojson`, import.meta.url), 'utf8'),
    ) as FeatureCollection<Polygon | MultiPolygon, { unit: string }>;
    expect(topo.features.map((f) => f.properties.unit)).toEqual(geo.features.map((f) => f.properties.unit));
    topo.features.forEach((f, i) => {
      const a = turf.area(f);
      const b = turf.area(geo.features[i]!);
      expect(Math.abs(a - b) / b, f.properties.unit).toBeLessThan(0.005);
    });
  });

  it('keeps every context feature', () => {
    const topo = decode('context.topojson', 'context');
    const geo = JSON.parse(
      readFileSync(new URL('../../geo/boundaries/context.geojson', import.meta.url), 'utf8'),
    ) as FeatureCollection;
    expect(topo.features).toHaveLength(geo.features.length);
  });
});
