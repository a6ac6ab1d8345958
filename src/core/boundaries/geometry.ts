/**
 * Checking and repairing one boundary's geometry so that MapLibre draws it and turf measures it:
 * rings closed, no repeated points, no self-intersections, RFC 7946 winding.
 */
import { area, feature, featureCollection, kinks, rewind, union } from '@turf/turf';
import type { Position } from 'geojson';
import type { Polygonal } from './read.ts';

export interface GeometryRepair {
  /** The repaired geometry, or null when it is missing or cannot be repaired. */
  geometry: Polygonal | null;
  /** What was repaired, one sentence each, naming the feature index. */
  warnings: string[];
  /** Why the geometry is unusable, or null. */
  problem: string | null;
}

const samePosition = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** Counts of what ring cleaning did, for the warnings. */
interface RingFixes {
  closed: number;
  repeated: number;
  dropped: number;
}

/** A ring without consecutive repeated points, closed; null when fewer than 3 distinct points remain. */
function cleanRing(ring: Position[], fixes: RingFixes): Position[] | null {
  const kept = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!));
  fixes.repeated += ring.length - kept.length;
  if (kept.length > 1 && !samePosition(kept[0]!, kept.at(-1)!)) {
    kept.push(kept[0]!);
    fixes.closed++;
  }
  if (kept.length >= 4) return kept;
  fixes.dropped++;
  return null;
}

/** A polygon with clean rings; null when its outer ring is degenerate (its holes go with it). */
function cleanPolygon(rings: Position[][], fixes: RingFixes): Position[][] | null {
  const [outer, ...holes] = rings.map((r) => cleanRing(r, fixes));
  if (!outer) return null;
  return [outer, ...holes.filter((h) => h !== null)];
}

function describeFixes(index: number, fixes: RingFixes): string[] {
  const out: string[] = [];
  if (fixes.closed > 0) out.push(`feature ${index}: ${fixes.closed} ring(s) were not closed; closed them`);
  if (fixes.dropped > 0) out.push(`feature ${index}: dropped ${fixes.dropped} ring(s) with fewer than 3 points`);
  return out;
}

/** Where rings cross or touch themselves (turf `kinks`), as rounded `lon, lat` texts, once each. */
const crossingsOf = (geometry: Polygonal): string[] => [
  ...new Set(kinks(geometry).features.map((p) => p.geometry.coordinates.map((v) => +v.toFixed(5)).join(', '))),
];

/**
 * Rebuilds a geometry whose rings cross or touch themselves with a polygon union of it with itself
 * (turf `union`, polyclip-ts: non-zero rule, no buffer), so a bow-tie becomes its two lobes.
 */
function untangle(geometry: Polygonal, index: number): Omit<GeometryRepair, 'warnings'> & { warning: string | null } {
  const crossings = crossingsOf(geometry);
  if (crossings.length === 0) return { geometry, warning: null, problem: null };
  const f = feature(geometry);
  let rebuilt;
  try {
    rebuilt = union(featureCollection([f, f]));
  } catch (e) {
    const problem = `self-intersecting rings could not be repaired: ${(e as Error).message}`;
    return { geometry: null, warning: null, problem };
  }
  if (rebuilt === null) return { geometry: null, warning: null, problem: 'self-intersecting rings enclose no area' };
  const where = `${crossings.length} point(s) (first at ${crossings[0]})`;
  const warning = `feature ${index}: rings cross or touch themselves at ${where}; repaired`;
  return { geometry: rebuilt.geometry, warning, problem: null };
}

/**
 * Checks and repairs a boundary geometry: closes open rings, removes consecutive repeated points,
 * drops rings with fewer than 3 points, rebuilds rings that cross or touch themselves (turf `kinks`,
 * then a polygon union, which splits a bow-tie into its two lobes) and rewinds to RFC 7946
 * (outer rings counter-clockwise). Repairs come back as warnings; what cannot be repaired as the problem.
 *
 * @example repairGeometry(null, 3) // { geometry: null, warnings: [], problem: 'no geometry' }
 * @example repairGeometry(bowTie, 0).warnings // ['feature 0: rings cross or touch themselves at 1 point(s) (first at 1, 1); repaired']
 */
export function repairGeometry(geometry: Polygonal | null, index: number): GeometryRepair {
  if (geometry === null || geometry.coordinates.length === 0) {
    return { geometry: null, warnings: [], problem: 'no geometry' };
  }
  const fixes: RingFixes = { closed: 0, repeated: 0, dropped: 0 };
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((p) => cleanPolygon(p, fixes))
    .filter((p) => p !== null);
  const warnings = describeFixes(index, fixes);
  if (polygons.length === 0) {
    return { geometry: null, warnings, problem: 'no area: every ring has fewer than 3 points' };
  }
  const cleaned: Polygonal =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  const untangled = untangle(cleaned, index);
  if (untangled.warning !== null) warnings.push(untangled.warning);
  if (untangled.geometry === null) return { geometry: null, warnings, problem: untangled.problem };
  if (area(untangled.geometry) === 0) {
    return { geometry: null, warnings, problem: 'no area: the rings enclose nothing' };
  }
  return { geometry: rewind(untangled.geometry, { mutate: false }) as Polygonal, warnings, problem: null };
}
