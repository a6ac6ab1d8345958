/**
 * Assigning points to the first-level unit whose polygon contains them: one point for a click, many
 * (events, geocoded places) in bulk. A static R-tree over polygon bounding boxes (flatbush) narrows
 * the candidates; an exact point-in-polygon test decides.
 */
import { booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

type Polygonal = Polygon | MultiPolygon;

/** A spatial index over unit polygons, built once by {@link buildUnitIndex}. */
export interface UnitIndex {
  /** Distinct unit ids in code-unit order; {@link assignPoints} returns positions in this list. */
  readonly units: readonly string[];
  /** The unit containing a point, or null outside every polygon. */
  unitAt(lon: number, lat: number): string | null;
  /** Position in `units` of the unit containing a point, or -1 outside every polygon. */
  unitIndexAt(lon: number, lat: number): number;
}

/** Unit ids compare by code unit, not locale, so the order is the same on every machine. */
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a point-to-unit index over unit polygons. Each polygon (each part of a MultiPolygon) is one
 * entry of a flatbush index over its bounding box; a point is then tested exactly, holes included,
 * with turf's `booleanPointInPolygon` against the polygons whose box holds it.
 *
 * Borders: a point ON a boundary counts as inside, and where polygons touch or overlap, the point goes
 * to the FIRST polygon in unit-id order (code-unit order of the ids; all parts of one unit share its
 * rank). So a point on the Aktobe–Kostanay border is in `aktobe`, on the edge of an enclave it is in the
 * unit whose id sorts first, and the answer never depends on feature order in the file. A naive loop
 * over the features sorted by unit id, taking the first `booleanPointInPolygon` hit, gives the same
 * answers.
 *
 * @example
 * const index = buildUnitIndex(regions2024);
 * index.unitAt(69.59, 42.32); // 'shymkent'
 * index.unitAt(60, 60); // null
 */
export function buildUnitIndex(units: FeatureCollection<Polygonal, { unit: string }>): UnitIndex {
  const features = [...units.features].sort((a, b) => byId(a.properties.unit, b.properties.unit));
  const ids = [...new Set(features.map((f) => f.properties.unit))];
  const rank = new Map(ids.map((id, i) => [id, i]));
  const polygons: { unit: number; geometry: Polygon }[] = features.flatMap((f) => {
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return parts.map((coordinates) => ({
      unit: rank.get(f.properties.unit)!,
      geometry: { type: 'Polygon' as const, coordinates },
    }));
  });

  let tree: Flatbush | null = null;
  if (polygons.length > 0) {
    tree = new Flatbush(polygons.length);
    for (const { geometry } of polygons) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of geometry.coordinates[0] ?? []) {
        minX = Math.min(minX, x!);
        minY = Math.min(minY, y!);
        maxX = Math.max(maxX, x!);
        maxY = Math.max(maxY, y!);
      }
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
  }

  const unitIndexAt = (lon: number, lat: number): number => {
    if (!tree || !Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    // Entries were added in unit-id order, so the smallest matching entry is the first unit.
    const candidates = tree.search(lon, lat, lon, lat).sort((a, b) => a - b);
    for (const i of candidates) {
      const { unit, geometry } = polygons[i]!;
      if (booleanPointInPolygon([lon, lat], geometry)) return unit;
    }
    return -1;
  };
  return {
    units: ids,
    unitIndexAt,
    unitAt: (lon, lat) => {
      const i = unitIndexAt(lon, lat);
      return i < 0 ? null : ids[i]!;
    },
  };
}

/**
 * Assigns many points at once: for each (lons[i], lats[i]), the position in `index.units` of the unit
 * containing it, or -1 outside every unit (and for non-finite coordinates). Same border rule as
 * {@link buildUnitIndex}.
 *
 * @example
 * const index = buildUnitIndex(regions2024);
 * const at = assignPoints(index, Float64Array.of(69.59, 60), Float64Array.of(42.32, 60));
 * [...at].map((i) => (i < 0 ? null : index.units[i])); // ['shymkent', null]
 * @throws when the two arrays differ in length.
 */
export function assignPoints(index: UnitIndex, lons: Float64Array, lats: Float64Array): Int32Array {
  if (lons.length !== lats.length) throw new Error(`assignPoints: ${lons.length} longitudes, ${lats.length} latitudes`);
  const out = new Int32Array(lons.length);
  for (let i = 0; i < lons.length; i++) out[i] = index.unitIndexAt(lons[i]!, lats[i]!);
  return out;
}
