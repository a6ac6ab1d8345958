/**
 * Builds the boundary files the map draws: Kazakhstan's first-level units in each of the three
 * layouts, from the geokz dataset, and the basemap around them, from Natural Earth and OpenStreetMap.
 *
 * Outputs (committed; regenerate them with this script, never edit them by hand):
 * - `geo/boundaries/regions-2018.geojson`: the 17 units of the 2018-2022 layout (layout B),
 *   `geo/boundaries/regions-2022.geojson`: the 20 units of the layout since June 2022 (layout C),
 *   `geo/boundaries/regions-1997.geojson`: the 16 units of the 1997-2018 layout (layout A), dissolved
 *   from layout B (South Kazakhstan = Turkistan + Shymkent; the rest unchanged). Each feature has
 *   `properties = { unit, kato, anchor }` (unit: the gazetteer's id; kato: its two KATO digits;
 *   anchor: an interior point, [lon, lat], where the map puts the unit's label), sorted by KATO,
 *   simplified along shared borders (about 3 km for oblasts' borders, 220 m near the cities of
 *   republican significance; see REGION_TOLERANCE).
 * - `geo/boundaries/context.geojson`: countries around Kazakhstan for the basemap, clipped to
 *   CONTEXT_BBOX, `properties = { name, iso_n3, kind }`, then the lakes as one feature,
 *   `properties = { kind: "water" }`; coordinates rounded to 2 decimals (about 1 km), then
 *   simplified along shared borders (about 3 km near Kazakhstan, 15 km elsewhere in view).
 * - `geo/boundaries/*.topojson`: the same features as TopoJSON, which the app loads.
 *
 * Inputs:
 * - geokz (Alexander Rodionov, https://github.com/arodionoff/geokz, CC BY 4.0; built from the Bureau
 *   of National Statistics of Kazakhstan and the OCHA COD-AB layout), commit GEOKZ_COMMIT, files
 *   `inst/shape/kaz_admbnda_adm1_2018.shp` and `kaz_admbnda_adm1_2024.shp`, read from their GeoJSON
 *   conversions in the project's shared folder (`../shared/fixtures/boundaries/`, GDAL ogr2ogr, 5
 *   decimals), each pinned by its sha256 (GEOKZ_INPUTS). They hold exactly upstream's vertices at 5
 *   decimals: `--upstream <geokz git dir>` re-checks that against a clone of the repository.
 * - Natural Earth 1:50m countries from the installed `world-atlas` 2 package
 *   (`countries-50m.json`, object `countries`; package ISC-licensed, data public domain).
 * - Lakes from OpenStreetMap via the installed `@geo-maps/earth-lakes-10km` 0.6.0 (ODbL).
 *
 * Where the derived 1997-2018 outlines differ from the historical ones (printed by every run,
 * DERIVED_DIFFERENCES): Astana's 2018 and later extensions into Akmola region are drawn in Astana
 * for the whole period, and Almaty's 2014 extension into Almaty region (Nauryzbay district) for
 * the years before 2014 too.
 *
 * Output is deterministic: two runs give byte-identical files. `--check` writes no output file.
 *
 * Usage (from the project root):
 *   npx tsx geo/scripts/build-boundaries.ts           # regenerate every file
 *   npx tsx geo/scripts/build-boundaries.ts --check   # write nothing; exit 1 if a file is stale
 *   npx tsx geo/scripts/build-boundaries.ts --check --upstream /path/to/geokz.git
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import Flatbush from 'flatbush';
import { merge as topojsonMerge, quantize, feature as topologyToGeoJson } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_FILE_NAMES } from '../../src/core/geo/embedded-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** geokz at this commit: https://github.com/arodionoff/geokz/tree/<commit>/inst/shape */
const GEOKZ_COMMIT = '41c1a00454ec9e01bda031b5074920bd82de02ce';
interface GeokzInput {
  file: string;
  upstream: string;
  sha256: string;
}
/** The geokz files each embedded layout is built from (GeoJSON conversions in the shared folder). */
const GEOKZ_INPUTS: Record<'B' | 'C', GeokzInput> = {
  B: {
    file: '../shared/fixtures/boundaries/kaz_admbnda_adm1_2018.geojson',
    upstream: 'inst/shape/kaz_admbnda_adm1_2018',
    sha256: '67f92c0a3eeb2a704744e92a80a4b557b21c7f2f12caa94a4a37ce3943b89f5e',
  },
  C: {
    file: '../shared/fixtures/boundaries/kaz_admbnda_adm1_2024.geojson',
    upstream: 'inst/shape/kaz_admbnda_adm1_2024',
    sha256: '2d0f26422278efbb8ffac377759f979b4a09435970b99841fd313d373258bf61',
  },
};
const GAZETTEER_UNITS_FILE = 'geo/gazetteer/units.json';
/** Printed by every run and kept in the 1997-2018 file's `notes`. */
const DERIVED_DIFFERENCES = [
  "Astana is drawn with its 2018-2022 extent for 1997-2018: the city's extensions into Akmola region (2018 and later) are not taken out.",
  'Almaty is drawn with its 2018-2022 extent for 1997-2018: before 2014 its Nauryzbay district was part of Almaty region.',
  'Baikonur (leased to Russia) is drawn within Kyzylorda region, as geokz draws it.',
];

const ATTRIBUTION = 'Made with Natural Earth';
const REGIONS_ATTRIBUTION =
  'Boundaries: geokz (A. Rodionov, CC BY 4.0), from the Bureau of National Statistics and OCHA COD-AB';
const regionsSource = (layout: 'B' | 'C') =>
  `geokz commit ${GEOKZ_COMMIT}, ${GEOKZ_INPUTS[layout].upstream}.shp (CC BY 4.0), via ${GEOKZ_INPUTS[layout].file.replace('../shared/', "the shared folder's ")}`;
const CONTEXT_SOURCE =
  'Natural Earth 1:50m countries (public domain) via npm package world-atlas 2, countries-50m.json (TopoJSON object countries); lakes (Caspian, Aral, Balkhash, ...) from OpenStreetMap via npm package @geo-maps/earth-lakes-10km 0.6.0 (data ODbL, © OpenStreetMap contributors)';
/** Lakes smaller than this (km²) are left out of the context: they would be specks at country zoom. */
const MIN_LAKE_KM2 = 100;
/**
 * Far from Kazakhstan (no vertex in CONTEXT_NEAR), seen only zoomed out, where the map shows about
 * 0.07° a pixel at the least, lakes from this size (km², some 45 km across, 6 pixels or more).
 */
const MIN_FAR_LAKE_KM2 = 2000;

/** The embedded layouts' files by layout, without extension (`.geojson` and `.topojson`). */
const REGION_FILES = Object.fromEntries(
  (['A', 'B', 'C'] as const).map((layout) => [layout, `geo/boundaries/${REGION_FILE_NAMES[layout]}`]),
) as Record<LayoutId, string>;
const CONTEXT_FILE = 'geo/boundaries/context.geojson';
/**
 * What the app loads: the same features as TopoJSON, borders stored once, quantized on the grid the
 * GeoJSON's coordinates are rounded to (so both files hold the same geometry), less than half the
 * bytes of the GeoJSON.
 */
const CONTEXT_TOPO_FILE = 'geo/boundaries/context.topojson';
/**
 * The context is simplified along its borders (Douglas-Peucker, `simplifyAlongBorders`); tolerances
 * in degrees of latitude (about 111 km each). Borders and shores with a vertex near Kazakhstan
 * (CONTEXT_NEAR) to about 3 km, under half a pixel at the default view (about 0.07° a pixel on a
 * desktop; the 2-decimal grid is 1 km, the lakes' source has a 10 km resolution); the rest of the
 * map's bounds (MAP_BOUNDS), seen only zoomed out, to about 15 km, 2 pixels at the least zoom; what
 * lies wholly outside the map's bounds, never on screen, to about 100 km. Every feature and every
 * ring stays: small lakes keep at least four corners.
 */
const CONTEXT_TOLERANCE_NEAR = 0.03;
const CONTEXT_TOLERANCE_FAR = 0.15;
const CONTEXT_TOLERANCE_HIDDEN = 1;
const CONTEXT_NEAR: [number, number, number, number] = [43, 37, 91, 59];
/** The map's maxBounds (src/map/MapView.svelte): the camera never shows anything outside them. */
const MAP_BOUNDS: [number, number, number, number] = [30, 30, 105, 62];

/**
 * The units are snapped together (SNAP_TOLERANCE, about 55 m: geokz's slivers are at most some 20 m
 * wide) and cleaned on a 5-decimal grid (about 1 m, geokz's own), then simplified along their shared
 * borders (Douglas-Peucker, `simplifyAlongBorders`). Near a city of republican significance
 * (CITY_UNITS' extents padded by 0.05°) borders are simplified to CITY_TOLERANCE (about 220 m) and
 * rounded to REGION_PRECISION, 3 decimals (about 110 m by 75 m), so that the cities, some 30 km
 * across, keep their shape when zoomed in (area IoU with geokz 0.986 and more). Elsewhere to
 * REGION_TOLERANCE (about 3.3 km, half a pixel at the default view of about 0.07° a pixel)
 * with vertices but the junctions rounded to OBLAST_PRECISION, 2 decimals (about 1 km): oblasts keep
 * an area IoU with geokz of 0.98 and more, and the start-up budget holds (7.5-7.9 KB gzip a layout).
 * Neighbours still meet exactly.
 */
const SNAP_TOLERANCE = 0.0005;
const MIN_POLYGON_M2 = 10_000;
const REGION_CLEAN_PRECISION = 5;
const REGION_TOLERANCE = 0.03;
const CITY_TOLERANCE = 0.002;
const REGION_PRECISION = 3;
const OBLAST_PRECISION = 2;
/** The cities of republican significance: borders near them are drawn finer. */
const CITY_UNITS = ['astana', 'almaty', 'shymkent'];
const CONTEXT_PRECISION = 2;
/** [west, south, east, north] in degrees: wider than the map's maxBounds (MAP_BOUNDS) so no edge shows. */
const CONTEXT_BBOX: [number, number, number, number] = [26, 26, 110, 66];
const KAZAKHSTAN_ISO_N3 = '398';

type Polygonal = Polygon | MultiPolygon;
type RegionProperties = { unit: string; kato: string; anchor?: [number, number] };
type GeokzProperties = { KATO: string; ADM1_EN: string };
type LayoutId = 'A' | 'B' | 'C';
/** The members of geo/gazetteer/units.json this build reads. */
type GazetteerUnit = { id: string; kato: string; layouts: LayoutId[]; partOf: string | null };
type CountryProperties = { name: string; iso_n3: string | null; kind: 'country' | 'kazakhstan' };
type ContextProperties = CountryProperties | { kind: 'water' };

// ---------------------------------------------------------------------------------------------
// Inputs

/** Converts one named object of a topology to GeoJSON features. */
function topologyObjectToFeatures(topology: Topology, name: string): Feature<Geometry | null>[] {
  const object = topology.objects[name] as GeometryCollection | undefined;
  if (!object) throw new Error(`topology has no object "${name}"`);
  return (topologyToGeoJson(topology, object) as FeatureCollection<Geometry | null>).features;
}

// ---------------------------------------------------------------------------------------------
// Geometry cleaning

/** Keeps only polygonal geometries. */
function asPolygonal(feature: Feature<Geometry | null>): Feature<Polygonal> | null {
  const type = feature.geometry?.type;
  return type === 'Polygon' || type === 'MultiPolygon' ? (feature as Feature<Polygonal>) : null;
}

function polygonsOf(geometry: Polygonal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function geometryOf(polygons: Position[][][]): Polygonal | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Rounds to `precision` decimals, then removes repeated points, spikes, collinear points
 * (turf cleanCoords), rings that collapsed or repeat another ring, and rewinds to RFC 7946
 * (outer rings counter-clockwise, holes clockwise). Returns null when nothing is left.
 */
function cleanPolygonal(geometry: Polygonal, precision: number): Polygonal | null {
  const rounded = turf.truncate(geometry, { precision, coordinates: 2 });
  const seenRings = new Set<string>();
  const polygons: Position[][][] = [];
  for (const [outerRing, ...holeRings] of polygonsOf(rounded)) {
    // A polygon whose outer ring collapsed, or repeats an earlier ring, is dropped with its holes.
    const outer = outerRing ? cleanRing(outerRing, precision) : null;
    if (outer === null || !markNewRing(seenRings, outer)) continue;
    const holes = holeRings
      .map((ring) => cleanRing(ring, precision))
      .filter((ring): ring is Position[] => ring !== null && markNewRing(seenRings, ring));
    polygons.push([outer, ...holes]);
  }
  const cleaned = geometryOf(polygons);
  return cleaned && (turf.rewind(cleaned, { reverse: false }) as Polygonal);
}

/** Cleans one rounded ring; null when it has no area left. */
function cleanRing(ring: Position[], precision: number): Position[] | null {
  if (ring.length < 4) return null;
  const open = removeSpikes(removeRepeats(ring.slice(0, -1)), precision);
  if (open.length < 3) return null;
  const closed = [...open, open[0]!];
  const straightened = turf.cleanCoords({ type: 'Polygon', coordinates: [closed] }).coordinates[0]!;
  return turf.area(turf.polygon([straightened])) > 0 ? straightened : null;
}

/** Drops consecutive repeated positions of an open ring (first/last compared cyclically). */
function removeRepeats(open: Position[]): Position[] {
  const out = open.filter((p, i) => i === 0 || !samePosition(p, open[i - 1]!));
  while (out.length > 1 && samePosition(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

/**
 * Removes spikes: vertices where the boundary goes out and comes straight back along the same line
 * (zero cross product, backward turn), as quantised TopoJSON sometimes has.
 */
function removeSpikes(open: Position[], precision: number): Position[] {
  let ring = open;
  for (let i = spikeIndex(ring, precision); i >= 0; i = spikeIndex(ring, precision)) {
    ring = removeRepeats([...ring.slice(0, i), ...ring.slice(i + 1)]);
  }
  return ring;
}

/** Index of the first spike vertex of an open ring, or -1. Exact: it works in integer grid units. */
function spikeIndex(ring: Position[], precision: number): number {
  if (ring.length < 3) return -1;
  const grid = ring.map((p) => [Math.round(p[0]! * 10 ** precision), Math.round(p[1]! * 10 ** precision)] as const);
  return grid.findIndex(([bx, by], i) => {
    const [ax, ay] = grid[(i + grid.length - 1) % grid.length]!;
    const [cx, cy] = grid[(i + 1) % grid.length]!;
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    const dot = (bx - ax) * (cx - bx) + (by - ay) * (cy - by);
    return cross === 0 && dot <= 0;
  });
}

/** Records a ring in `seen`; false when an identical ring (any start, any direction) was already there. */
function markNewRing(seen: Set<string>, ring: Position[]): boolean {
  const key = ringKey(ring);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** Canonical text of a closed ring, independent of its starting point and direction. */
function ringKey(ring: Position[]): string {
  const points = ring.slice(0, -1).map((p) => `${p[0]},${p[1]}`);
  const rotations = (list: string[]) => list.map((_, i) => [...list.slice(i), ...list.slice(0, i)].join(' '));
  return [...rotations(points), ...rotations(points.slice().reverse())].sort()[0]!;
}

/** Code-unit order: unlike localeCompare it does not depend on the ICU data Node was built with. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function samePosition(p: Position, q: Position): boolean {
  return p[0] === q[0] && p[1] === q[1];
}

// ---------------------------------------------------------------------------------------------
// Regions: the 2018-2022 and 2022- layouts from geokz, the 1997-2018 layout dissolved from them

/** One geokz input file: read, integrity-checked, each feature named by its KATO digits. */
function readGeokz(input: GeokzInput): Feature<Polygonal, GeokzProperties>[] {
  const file = path.join(ROOT, input.file);
  if (!existsSync(file)) throw new Error(`${input.file}: missing (the project's shared folder must sit beside it)`);
  const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (actual !== input.sha256) throw new Error(`${input.file}: sha256 ${actual}, expected ${input.sha256}`);
  const collection = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Geometry | null, GeokzProperties>;
  return collection.features.map(asPolygonal).filter((f): f is Feature<Polygonal, GeokzProperties> => f !== null);
}

/** Gazetteer units (geo/gazetteer/units.json) of one layout by their two KATO digits. */
function unitsByKato(layout: LayoutId): Map<string, GazetteerUnit> {
  const units = JSON.parse(readFileSync(path.join(ROOT, GAZETTEER_UNITS_FILE), 'utf8')) as GazetteerUnit[];
  return new Map(units.filter((u) => u.layouts.includes(layout)).map((u) => [u.kato, u]));
}

/**
 * One layout's units from geokz: each feature matched to its gazetteer unit by KATO (every unit of
 * the layout exactly once), borders snapped together (`snapBorders`), cleaned on the clean grid.
 */
function geokzRegions(layout: 'B' | 'C'): Feature<Polygonal, RegionProperties>[] {
  const input = GEOKZ_INPUTS[layout];
  const units = unitsByKato(layout);
  const features = readGeokz(input).map((f) => {
    const kato = String(f.properties.KATO).slice(0, 2);
    const unit = units.get(kato);
    if (!unit)
      throw new Error(
        `${input.file}: KATO ${f.properties.KATO} (${f.properties.ADM1_EN}) is no unit of layout ${layout}`,
      );
    const properties: RegionProperties = { unit: unit.id, kato };
    return { type: 'Feature' as const, properties, geometry: f.geometry };
  });
  const found = features.map((f) => f.properties.kato).sort();
  if (found.join() !== [...units.keys()].sort().join()) {
    throw new Error(
      `${input.file}: units ${found.join(' ')} differ from layout ${layout}'s ${[...units.keys()].sort().join(' ')}`,
    );
  }
  const snapped = snapBorders(
    input.file,
    features.map((f) => withoutSpecks(input.file, f)),
    SNAP_TOLERANCE,
  );
  return snapped
    .map((f) => {
      const geometry = cleanPolygonal(f.geometry, REGION_CLEAN_PRECISION);
      if (!geometry) throw new Error(`${f.properties.unit} has no geometry left after cleaning`);
      return { ...f, geometry };
    })
    .sort((a, b) => compareText(a.properties.kato, b.properties.kato));
}

/**
 * Drops polygons under MIN_POLYGON_M2: geokz has two degenerate slivers of almost no area (Akmola's in
 * 2018, Almaty region's in 2024), which no grid can draw. The smallest real polygon, an island in
 * the Caspian, has 0.8 km².
 */
function withoutSpecks(
  input: string,
  feature: Feature<Polygonal, RegionProperties>,
): Feature<Polygonal, RegionProperties> {
  const polygons = polygonsOf(feature.geometry).filter((polygon) => {
    const area = turf.area(turf.polygon(polygon));
    if (area < MIN_POLYGON_M2) log(`${input}, ${feature.properties.unit}: dropped a polygon of ${area.toFixed(0)} m²`);
    return area >= MIN_POLYGON_M2;
  });
  return { ...feature, geometry: geometryOf(polygons)! };
}

/**
 * Closes the slivers between neighbours that geokz's 2022 units leave (Abai and Zhetisu, Almaty
 * region and Zhetisu, Shymkent and Turkistan, Astana and Akmola: gaps of 1 to 33,000 m² and
 * overlaps of about 0.1 km², where one side's border was redrawn without the other's vertices), so
 * that every border is one shared line: each vertex within `tolerance` (degrees of latitude) of
 * another unit's border moves onto it (onto that border's vertex when one is that close), then
 * every vertex lying on another unit's edge is inserted into that edge. Borders that already share
 * their vertices are left as they are.
 */
function snapBorders<P>(label: string, features: Feature<Polygonal, P>[], tolerance: number): Feature<Polygonal, P>[] {
  const rings = features.map((f) =>
    polygonsOf(f.geometry).map((polygon) => polygon.map((ring) => withoutNearSpikes(ring.slice(0, -1)))),
  );
  const segmentsOf = () => {
    const segments: { feature: number; a: Position; b: Position }[] = [];
    rings.forEach((polygons, feature) =>
      polygons
        .flat()
        .forEach((ring) => ring.forEach((a, i) => segments.push({ feature, a, b: ring[(i + 1) % ring.length]! }))),
    );
    const index = new Flatbush(segments.length);
    for (const { a, b } of segments)
      index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
    index.finish();
    return { segments, index };
  };
  const near = (p: Position, pad: number) => [p[0]! - pad * 2, p[1]! - pad, p[0]! + pad * 2, p[1]! + pad] as const;
  // 1. Vertices onto the nearest border of another unit.
  const { segments, index } = segmentsOf();
  let moved = 0;
  rings.forEach((polygons, feature) =>
    polygons.flat().forEach((ring) =>
      ring.forEach((p, i) => {
        let best: Position | null = null;
        let bestDistance = tolerance;
        for (const s of index.search(...near(p, tolerance)).map((k) => segments[k]!)) {
          if (s.feature === feature) continue;
          const candidate = [s.a, s.b].find((q) => distance(p, q) <= tolerance) ?? closestOnSegment(p, s.a, s.b);
          const d = distance(p, candidate);
          if (d < bestDistance || (d === bestDistance && best === null)) [best, bestDistance] = [candidate, d];
        }
        if (best && !samePosition(best, p)) {
          ring[i] = [best[0]!, best[1]!];
          moved++;
        }
      }),
    ),
  );
  // 2. Every vertex that lies on another unit's edge becomes a vertex of that edge too.
  const vertices = rings.flatMap((polygons, feature) => polygons.flat(2).map((p) => ({ feature, p })));
  const points = new Flatbush(vertices.length);
  for (const { p } of vertices) points.add(p[0]!, p[1]!, p[0]!, p[1]!);
  points.finish();
  let inserted = 0;
  const onEdge = (p: Position, a: Position, b: Position) =>
    !samePosition(p, a) && !samePosition(p, b) && segmentDistance(p, a, b) < 1e-9;
  const result = rings.map((polygons, feature) =>
    polygons.map((polygon) =>
      polygon.map((ring) => {
        const out: Position[] = [];
        ring.forEach((a, i) => {
          const b = ring[(i + 1) % ring.length]!;
          out.push(a);
          const box = [
            Math.min(a[0]!, b[0]!),
            Math.min(a[1]!, b[1]!),
            Math.max(a[0]!, b[0]!),
            Math.max(a[1]!, b[1]!),
          ] as const;
          const between = points
            .search(...box)
            .map((k) => vertices[k]!)
            .filter((v) => v.feature !== feature && onEdge(v.p, a, b))
            .map((v) => v.p)
            .sort((p, q) => distance(a, p) - distance(a, q))
            .filter((p, k, list) => k === 0 || !samePosition(p, list[k - 1]!));
          inserted += between.length;
          out.push(...between);
        });
        return [...out, out[0]!];
      }),
    ),
  );
  log(`${label}: snapped ${moved} vertices onto neighbours' borders, inserted ${inserted} shared vertices`);
  return features.map((f, k) => ({ ...f, geometry: geometryOf(result[k]!)! }));
}

/**
 * Removes the vertices of an open ring where the border turns straight back (by more than 174°):
 * geokz's East Kazakhstan runs 900 m past its corner with Abai and back along the same line, which
 * no snapping to a neighbour's border would join.
 */
function withoutNearSpikes(open: Position[]): Position[] {
  let ring = open;
  for (let changed = true; changed && ring.length > 3;) {
    changed = false;
    const k = ring.findIndex((b, i) => {
      const a = ring[(i + ring.length - 1) % ring.length]!;
      const c = ring[(i + 1) % ring.length]!;
      const scale = Math.cos((b[1]! * Math.PI) / 180);
      const [ux, uy, vx, vy] = [(b[0]! - a[0]!) * scale, b[1]! - a[1]!, (c[0]! - b[0]!) * scale, c[1]! - b[1]!];
      const lengths = Math.hypot(ux, uy) * Math.hypot(vx, vy);
      return lengths > 0 && (ux * vx + uy * vy) / lengths < -0.995;
    });
    if (k >= 0) {
      ring = [...ring.slice(0, k), ...ring.slice(k + 1)];
      changed = true;
    }
  }
  return ring;
}

/** The point of segment ab closest to p (distances as `segmentDistance` measures them). */
function closestOnSegment(p: Position, a: Position, b: Position): Position {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  const dx = (b[0]! - a[0]!) * k;
  const dy = b[1]! - a[1]!;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]!) * k * dx + (p[1]! - a[1]!) * dy) / length2));
  return [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
}

/**
 * The 1997-2018 units dissolved from the simplified 2018-2022 ones: each 2018 unit that existed
 * before stays (Astana, Almaty and the oblasts), South Kazakhstan is Turkistan and Shymkent merged
 * along their shared arcs (topojson `merge`), so its outline is exactly theirs.
 */
function dissolvedRegions(
  layoutB: Feature<Polygonal, RegionProperties>[],
  precision: number,
): Feature<Polygonal, RegionProperties>[] {
  const unitsA = new Map([...unitsByKato('A').values()].map((u) => [u.id, u]));
  const byId = new Map([...unitsByKato('B').values()].map((u) => [u.id, u]));
  const topology = toTopology({ all: { type: 'FeatureCollection', features: layoutB } as FeatureCollection });
  const geometries = (topology.objects.all as GeometryCollection).geometries;
  const groups = new Map<string, number[]>();
  layoutB.forEach((f, i) => {
    const unit = byId.get(f.properties.unit)!;
    const target = unitsA.has(unit.id) ? unit.id : unit.partOf;
    if (!target || !unitsA.has(target)) throw new Error(`${unit.id} lies in no unit of the 1997-2018 layout`);
    groups.set(target, [...(groups.get(target) ?? []), i]);
  });
  if ([...groups.keys()].sort().join() !== [...unitsA.keys()].sort().join()) {
    throw new Error(`dissolving gave ${[...groups.keys()].join(' ')}, not the 1997-2018 units`);
  }
  return [...groups]
    .map(([id, members]) => {
      const unit = unitsA.get(id)!;
      const merged =
        members.length === 1
          ? layoutB[members[0]!]!.geometry
          : (topojsonMerge(
              topology as Parameters<typeof topojsonMerge>[0],
              members.map((i) => geometries[i]!) as never,
            ) as Polygonal);
      const geometry = cleanPolygonal(merged, precision)!;
      return { type: 'Feature' as const, properties: { unit: id, kato: unit.kato }, geometry };
    })
    .sort((a, b) => compareText(a.properties.kato, b.properties.kato));
}

/**
 * Adds the unit's interior point (`anchor`, [lon, lat] to 4 decimals), where the map puts its label
 * and its region-wide events: turf `pointOnFeature`, as the app computes it for imported units.
 */
function withAnchor(feature: Feature<Polygonal, RegionProperties>): Feature<Polygonal, RegionProperties> {
  const [lon, lat] = turf.pointOnFeature(feature).geometry.coordinates as [number, number];
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return { ...feature, properties: { ...feature.properties, anchor: [round(lon), round(lat)] } };
}

// ---------------------------------------------------------------------------------------------
// Context countries

/**
 * Countries inside CONTEXT_BBOX, Kazakhstan included (kind "kazakhstan": its outline is the
 * national border), then the lakes (kind "water"), drawn over the land: Natural Earth's countries
 * layer has no water bodies, so the Caspian would only show as the gap between countries and the
 * Aral Sea and Lake Balkhash not at all.
 */
function buildContext(): Feature<Polygonal, ContextProperties>[] {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
  const countries = topologyObjectToFeatures(topology, 'countries')
    .map(asPolygonal)
    .filter((f): f is Feature<Polygonal> => f !== null)
    .map(contextFeature)
    .filter((f): f is Feature<Polygonal, CountryProperties> => f !== null)
    .sort((a, b) => compareText(a.properties.name, b.properties.name));
  return [...countries, ...buildLakes()];
}

/**
 * The lakes inside CONTEXT_BBOX as one feature, `properties = { kind: "water" }`: those of at least
 * MIN_LAKE_KM2 with a vertex near Kazakhstan (CONTEXT_NEAR), and elsewhere, seen only zoomed out,
 * those of at least MIN_FAR_LAKE_KM2. Its polygons in a stable order (by area, largest first). The
 * source is a single MultiPolygon with no names, and nothing tells one lake from another on the map.
 */
function buildLakes(): Feature<Polygonal, ContextProperties>[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@geo-maps/earth-lakes-10km/map.geo.json');
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { geometries: Polygonal[] };
  const box = turf.bboxPolygon(CONTEXT_BBOX);
  const lakes: { area: number; polygons: Position[][][] }[] = [];
  for (const geometry of collection.geometries) {
    for (const polygon of polygonsOf(geometry)) {
      const clipped = turf.intersect(turf.featureCollection([turf.polygon(polygon), box]))?.geometry;
      const cleaned = clipped ? cleanPolygonal(clipped, CONTEXT_PRECISION) : null;
      const area = cleaned ? turf.area(cleaned) / 1e6 : 0;
      const minimum = cleaned && within(polygonsOf(cleaned).flat(2), CONTEXT_NEAR) ? MIN_LAKE_KM2 : MIN_FAR_LAKE_KM2;
      if (cleaned && area >= minimum) lakes.push({ area, polygons: polygonsOf(cleaned) });
    }
  }
  const polygons = lakes.sort((a, b) => b.area - a.area).flatMap((lake) => lake.polygons);
  const geometry = geometryOf(polygons);
  return geometry ? [{ type: 'Feature', properties: { kind: 'water' }, geometry }] : [];
}

/** Whether a line or a ring has a vertex inside a box ([west, south, east, north]). */
function within(positions: Position[], [west, south, east, north]: readonly number[]): boolean {
  return positions.some(([x, y]) => x! >= west! && x! <= east! && y! >= south! && y! <= north!);
}

/**
 * One clipped, cleaned country; null when nothing of it lies in the box. Clipped by a true polygon
 * intersection: bboxClip (Sutherland-Hodgman) leaves degenerate edges along the box on concave
 * shapes such as Russia's, which MapLibre then fails to fill.
 */
function contextFeature(country: Feature<Polygonal>): Feature<Polygonal, CountryProperties> | null {
  const clipped = turf.intersect(turf.featureCollection([country, turf.bboxPolygon(CONTEXT_BBOX)]))?.geometry;
  if (!clipped) return null;
  const geometry = cleanPolygonal(clipped, CONTEXT_PRECISION);
  if (!geometry) return null;
  const iso = country.id === undefined ? null : String(country.id);
  const kind = iso === KAZAKHSTAN_ISO_N3 ? 'kazakhstan' : 'country';
  return { type: 'Feature', properties: { name: String(country.properties!.name), iso_n3: iso, kind }, geometry };
}

// ---------------------------------------------------------------------------------------------
// Simplification

/**
 * Simplifies polygons along their shared borders: the features become a topology (each border
 * stored once), every arc is simplified with Douglas-Peucker, and the features are rebuilt from the
 * arcs, so that neighbours still meet exactly. Vertices are only removed, never moved, so the
 * coordinates stay on the input's grid. Each arc keeps at least its point farthest from its chord
 * (a closed arc, its farthest point from the start and one more on each side), so no ring collapses:
 * every feature keeps its every ring, small lakes included.
 */
function simplifyAlongBorders<P>(
  features: Feature<Polygonal, P>[],
  tolerance: (arc: Position[]) => number,
  precision: number,
  interiorPrecision?: (arc: Position[]) => number,
): Feature<Polygonal, P>[] {
  const topology = toTopology({ all: { type: 'FeatureCollection', features } as FeatureCollection });
  topology.arcs = interiorPrecision
    ? untangledArcs(topology.arcs, tolerance, precision, interiorPrecision)
    : topology.arcs.map((arc) => simplifyArc(arc, tolerance(arc)));
  return topologyObjectToFeatures(topology, 'all').map((f, i) => {
    const geometry = cleanPolygonal(f.geometry as Polygonal, precision);
    const source = features[i]!;
    if (!geometry || polygonsOf(geometry).length !== polygonsOf(source.geometry).length)
      throw new Error(`simplifying feature ${i} (${JSON.stringify(source.properties)}) lost a polygon`);
    return { type: 'Feature', properties: source.properties, geometry };
  });
}

/**
 * Simplifies every arc (`simplifyArc` to its tolerance), rounds its vertices but its two ends to its
 * interior precision and then every vertex to `precision`, and makes sure no two arcs cross and no
 * arc crosses itself: Douglas-Peucker on each arc alone can make a border cut through a neighbouring
 * one or a coast through an island, and rounding can make a border that passes within 100 m of itself
 * (Turkistan's near the Syr Darya) cross itself. An arc that crosses is tried again with the next of
 * REFINEMENTS (finer tolerances, rounded to `precision` only; then coarser ones, which drop such
 * pinches), until none crosses.
 */
function untangledArcs(
  arcs: Position[][],
  tolerance: (arc: Position[]) => number,
  precision: number,
  interiorPrecision: (arc: Position[]) => number,
): Position[][] {
  const step = new Array<number>(arcs.length).fill(0);
  const simplify = (arc: Position[], i: number) => {
    const { scale, coarse } = REFINEMENTS[step[i]!]!;
    const simple = simplifyArc(arc, tolerance(arc) * scale);
    const rounded = coarse ? roundInterior(simple, interiorPrecision(arc)) : simple;
    return withoutRepeats(rounded.map((p) => roundPosition(p, precision)));
  };
  for (;;) {
    const simplified = arcs.map(simplify);
    const crossing = crossingArcs(simplified, precision);
    if (crossing.size === 0) {
      const changed = step.filter((k) => k > 0).length;
      if (changed > 0) log(`simplified ${changed} arcs otherwise so that no border crosses another`);
      return simplified;
    }
    for (const i of crossing) {
      if (++step[i]! >= REFINEMENTS.length) throw new Error(`arc ${i} crosses a border whatever its simplification`);
    }
  }
}

/** The simplifications `untangledArcs` tries in turn: tolerance scale, and whether to round coarsely. */
const REFINEMENTS = [
  { scale: 1, coarse: true },
  { scale: 0.5, coarse: true },
  { scale: 2, coarse: true },
  { scale: 0.25, coarse: true },
  { scale: 4, coarse: true },
  { scale: 0.5, coarse: false },
  { scale: 0.25, coarse: false },
  { scale: 0.125, coarse: false },
  { scale: 1, coarse: false },
  { scale: 2, coarse: false },
  { scale: 4, coarse: false },
  { scale: 8, coarse: false },
];

function roundPosition(p: Position, precision: number): Position {
  const factor = 10 ** precision;
  return [Math.round(p[0]! * factor) / factor, Math.round(p[1]! * factor) / factor];
}

/** Rounds an arc's vertices but its two ends (junctions other arcs share) to `precision` decimals. */
function roundInterior(arc: Position[], precision: number): Position[] {
  return arc.map((p, i) => (i === 0 || i === arc.length - 1 ? p : roundPosition(p, precision)));
}

/** Drops consecutive repeated positions, keeping both ends. */
function withoutRepeats(arc: Position[]): Position[] {
  const out = arc.filter((p, i) => i === 0 || !samePosition(p, arc[i - 1]!));
  return out.length >= 2 ? out : arc.slice(0, 1).concat(arc.slice(-1));
}

/**
 * Indexes of the arcs that cross another arc or themselves: two segments that meet anywhere but at
 * a vertex they share, or that overlap along a line. Exact: computed on the integer grid of
 * `precision` decimals.
 */
function crossingArcs(arcs: Position[][], precision: number): Set<number> {
  const factor = 10 ** precision;
  const grid = arcs.map((arc) => arc.map((p) => [Math.round(p[0]! * factor), Math.round(p[1]! * factor)] as const));
  const segments = grid.flatMap((arc, i) => arc.slice(1).map((b, k) => ({ arc: i, a: arc[k]!, b })));
  const index = new Flatbush(Math.max(segments.length, 1));
  for (const { a, b } of segments)
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  index.finish();
  const crossing = new Set<number>();
  segments.forEach((s, i) => {
    for (const j of index.search(
      Math.min(s.a[0], s.b[0]),
      Math.min(s.a[1], s.b[1]),
      Math.max(s.a[0], s.b[0]),
      Math.max(s.a[1], s.b[1]),
    )) {
      if (j <= i) continue;
      const t = segments[j]!;
      if (segmentsCross(s.a, s.b, t.a, t.b)) crossing.add(s.arc).add(t.arc);
    }
  });
  return crossing;
}

type GridPoint = readonly [number, number];

/** Whether two grid segments meet other than at one shared end vertex (touching there is allowed). */
function segmentsCross(a: GridPoint, b: GridPoint, c: GridPoint, d: GridPoint): boolean {
  const orient = (p: GridPoint, q: GridPoint, r: GridPoint) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const same = (p: GridPoint, q: GridPoint) => p[0] === q[0] && p[1] === q[1];
  const onSegment = (p: GridPoint, q: GridPoint, r: GridPoint) =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  const shared = [a, b].filter((p) => same(p, c) || same(p, d)).length;
  if (shared === 2) return true; // the same segment twice
  const [o1, o2, o3, o4] = [orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)];
  if (shared === 1) {
    // Touching at the shared vertex is fine; lying along each other is not.
    const other = same(a, c) || same(a, d) ? b : a;
    const [p, q] = same(c, a) || same(c, b) ? [c, d] : [d, c];
    return (
      (orient(p, q, other) === 0 && onSegment(p, q, other) && !same(other, p)) ||
      (orient(p, other, q) === 0 && onSegment(p, other, q) && !same(q, p))
    );
  }
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** Douglas-Peucker on one arc, distances in degrees of latitude (longitude scaled by cos(latitude)). */
function simplifyArc(arc: Position[], tolerance: number): Position[] {
  if (arc.length <= 3) return arc;
  const last = arc.length - 1;
  if (samePosition(arc[0]!, arc[last]!)) {
    let far = 1;
    for (let i = 2; i < last; i++) if (distance(arc[i]!, arc[0]!) > distance(arc[far]!, arc[0]!)) far = i;
    return [...douglasPeucker(arc.slice(0, far + 1), tolerance), ...douglasPeucker(arc.slice(far), tolerance).slice(1)];
  }
  return douglasPeucker(arc, tolerance);
}

/** Douglas-Peucker keeping the first split point whatever its distance, so at least 3 points stay. */
function douglasPeucker(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number, boolean][] = [[0, points.length - 1, true]];
  while (stack.length > 0) {
    const [a, b, first] = stack.pop()!;
    let index = -1;
    let max = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(points[i]!, points[a]!, points[b]!);
      if (d > max) [index, max] = [i, d];
    }
    if (index < 0 || (!first && max <= tolerance)) continue;
    keep[index] = 1;
    stack.push([a, index, false], [index, b, false]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

function distance(p: Position, q: Position): number {
  const k = Math.cos((((p[1]! + q[1]!) / 2) * Math.PI) / 180);
  return Math.hypot((p[0]! - q[0]!) * k, p[1]! - q[1]!);
}

/** Distance from p to the segment ab, in degrees of latitude. */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[0]! * k, p[1]!, a[0]! * k, a[1]!, b[0]! * k, b[1]!];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * TopoJSON text of one named object, with the attribution (and the source, unless null) as extra members. Quantized on
 * the grid the coordinates were rounded to (`precision` decimals), so it decodes to the GeoJSON's
 * coordinates: one geometry in both files.
 */
function topoJson(
  name: string,
  features: Feature[],
  precision: number,
  source: string | null,
  attribution = ATTRIBUTION,
): string {
  const topology = toTopology({ [name]: { type: 'FeatureCollection', features } as FeatureCollection });
  const [west, south] = topology.bbox!;
  const step = 10 ** -precision;
  const quantized = quantize(topology as Parameters<typeof quantize>[0], {
    scale: [step, step],
    translate: [west!, south!],
  });
  return `${JSON.stringify({ ...quantized, attribution, ...(source === null ? {} : { source }) })}\n`;
}

/** FeatureCollection text: header members, one feature per line, trailing newline. */
function serialize(
  features: Feature[],
  source: string,
  attribution = ATTRIBUTION,
  notes: readonly string[] = [],
): string {
  const extra = notes.length ? `,"notes":${JSON.stringify(notes)}` : '';
  const header = `{"type":"FeatureCollection","attribution":${JSON.stringify(attribution)},"source":${JSON.stringify(source)}${extra},"features":[`;
  const lines = features.map((f) =>
    JSON.stringify({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: f.geometry!.type, coordinates: (f.geometry as Polygonal).coordinates },
    }),
  );
  return `${header}\n${lines.join(',\n')}\n]}\n`;
}

/** Writes the files, or with `check` only compares them; returns the relative paths that differ. */
function writeOrCheck(outputs: Record<string, string>, check: boolean): string[] {
  const stale: string[] = [];
  for (const [relative, text] of Object.entries(outputs)) {
    const file = path.join(ROOT, relative);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    stale.push(relative);
    if (!check) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return stale;
}

function log(message: string): void {
  console.error(`build-boundaries: ${message}`);
}

/**
 * Simplifies one layout's units along their shared borders: borders near a city of republican
 * significance to CITY_TOLERANCE, the rest to REGION_TOLERANCE; rounded to REGION_PRECISION.
 */
function simplifyRegions(features: Feature<Polygonal, RegionProperties>[]): Feature<Polygonal, RegionProperties>[] {
  const cityBoxes = features
    .filter((f) => CITY_UNITS.includes(f.properties.unit))
    .map((f) => {
      const [west, south, east, north] = turf.bbox(f);
      return [west - 0.05, south - 0.05, east + 0.05, north + 0.05];
    });
  const nearCity = (arc: Position[]) => cityBoxes.some((box) => within(arc, box));
  return simplifyAlongBorders(
    features,
    (arc) => (nearCity(arc) ? CITY_TOLERANCE : REGION_TOLERANCE),
    REGION_PRECISION,
    (arc) => (nearCity(arc) ? REGION_PRECISION : OBLAST_PRECISION),
  );
}

/**
 * With `--upstream <geokz git dir>`: checks that each pinned input holds exactly the vertices of
 * upstream's shapefile at GEOKZ_COMMIT (rounded to 5 decimals, unit by unit), read with shpjs.
 */
async function checkUpstream(gitDir: string): Promise<void> {
  const shp = await import('shpjs');
  const show = (file: string) =>
    execFileSync('git', ['--git-dir', gitDir, 'show', `${GEOKZ_COMMIT}:${file}`], { maxBuffer: 64 << 20 });
  for (const input of Object.values(GEOKZ_INPUTS)) {
    const upstream = shp.combine([
      shp.parseShp(show(`${input.upstream}.shp`), show(`${input.upstream}.prj`).toString('utf8')),
      shp.parseDbf(show(`${input.upstream}.dbf`), show(`${input.upstream}.cpg`)),
    ]) as unknown as FeatureCollection<Polygonal, GeokzProperties>;
    const pinned = new Map(readGeokz(input).map((f) => [String(f.properties.KATO), f]));
    const vertices = (f: Feature<Polygonal> | undefined) =>
      new Set(
        f
          ? polygonsOf(f.geometry)
              .flat(2)
              .map((p) => `${p[0]!.toFixed(5)},${p[1]!.toFixed(5)}`)
          : [],
      );
    for (const feature of upstream.features) {
      const [a, b] = [vertices(feature), vertices(pinned.get(String(feature.properties.KATO)))];
      if (a.size !== b.size || [...a].some((v) => !b.has(v))) {
        throw new Error(
          `${input.file}: ${feature.properties.ADM1_EN} differs from ${input.upstream}.shp at ${GEOKZ_COMMIT}`,
        );
      }
    }
    if (upstream.features.length !== pinned.size) throw new Error(`${input.file}: not as many units as upstream`);
    log(`${input.file}: the same vertices as ${input.upstream}.shp at geokz ${GEOKZ_COMMIT.slice(0, 7)}`);
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const upstream = process.argv[process.argv.indexOf('--upstream') + 1];
  if (process.argv.includes('--upstream') && upstream) await checkUpstream(upstream);
  const layoutB = simplifyRegions(geokzRegions('B'));
  const layoutC = simplifyRegions(geokzRegions('C'));
  const layoutA = dissolvedRegions(layoutB, REGION_PRECISION);
  for (const difference of DERIVED_DIFFERENCES) log(`1997-2018 layout: ${difference}`);
  const sources: Record<LayoutId, string> = {
    A: `dissolved from the 2018-2022 layout (South Kazakhstan = Turkistan + Shymkent): ${regionsSource('B')}`,
    B: regionsSource('B'),
    C: regionsSource('C'),
  };
  const regions: Record<LayoutId, Feature<Polygonal, RegionProperties>[]> = {
    A: layoutA.map(withAnchor),
    B: layoutB.map(withAnchor),
    C: layoutC.map(withAnchor),
  };
  const tolerance = (arc: Position[]) =>
    within(arc, CONTEXT_NEAR)
      ? CONTEXT_TOLERANCE_NEAR
      : within(arc, MAP_BOUNDS)
        ? CONTEXT_TOLERANCE_FAR
        : CONTEXT_TOLERANCE_HIDDEN;
  const context = simplifyAlongBorders(buildContext(), tolerance, CONTEXT_PRECISION);
  const outputs: Record<string, string> = {
    [CONTEXT_FILE]: serialize(context, CONTEXT_SOURCE),
    [CONTEXT_TOPO_FILE]: topoJson('context', context, CONTEXT_PRECISION, CONTEXT_SOURCE),
  };
  for (const layout of ['A', 'B', 'C'] as const) {
    const notes = layout === 'A' ? DERIVED_DIFFERENCES : [];
    outputs[`${REGION_FILES[layout]}.geojson`] = serialize(
      regions[layout],
      sources[layout],
      REGIONS_ATTRIBUTION,
      notes,
    );
    // The app's copy carries the attribution only: the source and notes stay in the GeoJSON (0.4 KB gzip).
    outputs[`${REGION_FILES[layout]}.topojson`] = topoJson(
      'regions',
      regions[layout],
      REGION_PRECISION,
      null,
      REGIONS_ATTRIBUTION,
    );
  }
  const changed = writeOrCheck(outputs, check);
  if (check && changed.length > 0) {
    log(`out of date (regenerated bytes differ): ${changed.join(', ')}. Run: npx tsx geo/scripts/build-boundaries.ts`);
    process.exit(1);
  }
  log(check ? 'up to date' : changed.length > 0 ? `wrote ${changed.join(', ')}` : 'no changes');
}

await main();
