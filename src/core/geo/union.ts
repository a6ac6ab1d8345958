/**
 * Polygon union, loaded on demand. turf's `union` brings polyclip-ts, splaytree-ts and bignumber.js
 * (about 11 KB gzip), and only imported boundary sets are ever unioned or dissolved (the embedded
 * units are drawn as they are), so the page loads it with the first import, not at start.
 *
 * `await loadPolygonUnion()` before the first `polygonUnion`; until then `polygonUnion` throws.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

type Polygonal = Polygon | MultiPolygon;
type Union = (features: FeatureCollection<Polygonal>) => Feature<Polygonal> | null;

let union: Union | null = null;

/** Loads the union (once; later calls resolve at once). */
export async function loadPolygonUnion(): Promise<void> {
  union ??= (await import('./union-impl.ts')).union;
}

/**
 * The union of polygons (turf `union`: polyclip-ts, non-zero rule), or null when nothing is left.
 *
 * @example
 * await loadPolygonUnion();
 * polygonUnion(featureCollection([squareA, squareB]))?.geometry.type; // 'Polygon' when they touch
 */
export function polygonUnion(features: FeatureCollection<Polygonal>): Feature<Polygonal> | null {
  if (!union) throw new Error('the polygon union is not loaded: await loadPolygonUnion() first');
  return union(features);
}
