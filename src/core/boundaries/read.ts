/**
 * Reading a boundary file someone dropped on the atlas: GeoJSON, TopoJSON or a zipped shapefile,
 * told apart by content, not by the file name (which users rename freely). Runs in Node and in the
 * browser: the input is bytes, never a path.
 */
import { feature as topologyFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from 'geojson';

export type Polygonal = Polygon | MultiPolygon;
/** A feature of a boundary file: an area, or null when the file has none for it (reported later, never dropped). */
export type BoundaryFeature = Feature<Polygonal | null, GeoJsonProperties>;
export type BoundaryFormat = 'geojson' | 'topojson' | 'shapefile';
export interface BoundaryFile {
  format: BoundaryFormat;
  features: BoundaryFeature[];
  warnings: string[];
}

type AnyFeature = Feature<Geometry | null, GeoJsonProperties>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SHP = [0x00, 0x00, 0x27, 0x0a];
const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

/**
 * Reads a boundary file into polygon features, whatever its format.
 *
 * - a zip (`PK\x03\x04`) is a zipped shapefile, reprojected to WGS 84 through its .prj (shpjs);
 * - JSON with `"type": "Topology"` is TopoJSON: the features of all its objects, merged;
 * - other JSON must be GeoJSON: a FeatureCollection, a Feature or a bare geometry.
 * UTF-8 with or without a byte-order mark. Features without geometry stay (geometry null); in a file
 * mixing areas with points or lines, the points and lines are kept without geometry, with a warning.
 *
 * @example await readBoundaryFile('regions.geojson', bytes) // { format: 'geojson', features: [...], warnings: [] }
 * @throws an Error naming the file when it is not JSON or a zip, a zip without .shp, TopoJSON
 *   without objects, or a file with no polygons at all (points only: "holds points, not polygons").
 */
export async function readBoundaryFile(name: string, bytes: Uint8Array): Promise<BoundaryFile> {
  if (startsWith(bytes, ZIP)) return { format: 'shapefile', ...keepAreas(name, await zippedShapefile(name, bytes)) };
  if (startsWith(bytes, SHP)) {
    throw new Error(`${name}: a bare .shp file; zip it with its .dbf, .prj and .cpg and import the zip`);
  }
  const json = parseJson(name, bytes);
  if (isObject(json) && json['type'] === 'Topology') {
    return { format: 'topojson', ...keepAreas(name, topologyFeatures(name, json as unknown as Topology)) };
  }
  return { format: 'geojson', ...keepAreas(name, geojsonFeatures(name, json)) };
}

function parseJson(name: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a byte-order mark
  } catch (e) {
    throw new Error(`${name}: neither a zip archive nor UTF-8 text, so not a boundary file`, { cause: e });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not JSON (${(e as Error).message}) and not a zipped shapefile`, { cause: e });
  }
}

/**
 * shpjs, with proj4 and its projection definitions (about 45 KB gzip), loads only for a zip: a
 * GeoJSON or TopoJSON import never needs it.
 */
async function zippedShapefile(name: string, bytes: Uint8Array): Promise<AnyFeature[]> {
  const { parseZip } = await import('shpjs');
  try {
    const layers = await parseZip(bytes);
    return (Array.isArray(layers) ? layers : [layers]).flatMap((layer) => layer.features);
  } catch (e) {
    const message = (e as Error).message;
    if (/no layers/.test(message)) throw new Error(`${name}: the zip holds no shapefile (.shp)`, { cause: e });
    throw new Error(`${name}: cannot read the zipped shapefile: ${message}`, { cause: e });
  }
}

function topologyFeatures(name: string, topology: Topology): AnyFeature[] {
  const objects = isObject(topology.objects) ? Object.values(topology.objects) : [];
  if (objects.length === 0) throw new Error(`${name}: TopoJSON without objects`);
  return objects.flatMap((object) => {
    const out = topologyFeature(topology, object);
    return out.type === 'FeatureCollection' ? out.features : [out];
  });
}

function geojsonFeatures(name: string, json: unknown): AnyFeature[] {
  const type = isObject(json) ? json['type'] : undefined;
  if (type === 'FeatureCollection' && isObject(json) && Array.isArray(json['features'])) {
    return (json['features'] as unknown[]).filter(isObject) as unknown as AnyFeature[];
  }
  if (type === 'Feature') return [json as unknown as AnyFeature];
  if (typeof type === 'string' && [...GEOMETRY_TYPES, 'GeometryCollection'].includes(type)) {
    return [{ type: 'Feature', geometry: json as unknown as Geometry, properties: {} }];
  }
  throw new Error(`${name}: JSON, but neither GeoJSON nor TopoJSON (type ${JSON.stringify(type ?? null)})`);
}

/** The polygons of a geometry (a GeometryCollection's polygons merged), or null when it has none. */
function areaOf(geometry: Geometry | null | undefined): Polygonal | null {
  if (!geometry) return null;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return geometry;
  if (geometry.type !== 'GeometryCollection') return null;
  const parts = geometry.geometries.map(areaOf).filter((g) => g !== null);
  const coordinates = parts.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
  return coordinates.length === 0 ? null : { type: 'MultiPolygon', coordinates };
}

/** Keeps every feature, with its area or null; refuses a file that has no area at all. */
function keepAreas(name: string, features: AnyFeature[]): Omit<BoundaryFile, 'format'> {
  if (features.length === 0) throw new Error(`${name}: the file holds no features`);
  const others = new Map<string, number>();
  const warnings: string[] = [];
  const kept = features.map((f, index): BoundaryFeature => {
    const geometry = areaOf(f.geometry);
    if (geometry === null && f.geometry) {
      others.set(f.geometry.type, (others.get(f.geometry.type) ?? 0) + 1);
      warnings.push(`feature ${index}: a ${f.geometry.type} is not an area; kept without geometry`);
    }
    return { type: 'Feature', geometry, properties: isObject(f.properties) ? f.properties : {} };
  });
  if (kept.every((f) => f.geometry === null) && others.size > 0) {
    const what = [...others].map(([type, n]) => `${n} ${type}`).join(', ');
    const points = [...others.keys()].every((t) => t.endsWith('Point'));
    const holds = points ? 'holds points, not polygons' : 'holds no polygons';
    throw new Error(`${name}: the file ${holds} (${what}); boundaries must be region polygons`);
  }
  return { features: kept, warnings };
}
