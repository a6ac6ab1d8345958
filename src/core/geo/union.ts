/**
 * The geometry of imported boundary sets, loaded on demand: polygon union, dissolving into an
 * earlier layout's units, and interior points. turf's `union` brings polyclip-ts, splaytree-ts and
 * bignumber.js (about 11 KB gzip), and only imported boundary sets are ever unioned, dissolved or
 * given interior points at run time (the embedded units are drawn as they are, their interior
 * points computed by the boundary build), so the page loads it with the first import, not at start.
 *
 * `await loadPolygonUnion()` before the first `polygonUnion`, `dissolveImported` or
 * `interiorPoint`; until then they throw.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

type Polygonal = Polygon | MultiPolygon;
type Impl = typeof import('./union-impl.ts');

let impl: Impl | null = null;

function loaded(): Impl {
  if (!impl) throw new Error('the polygon union is not loaded: await loadPolygonUnion() first');
  return impl;
}

/** Loads the union, the dissolve and the interior points (once; later calls resolve at once). */
export async function loadPolygonUnion(): Promise<void> {
  impl ??= await import('./union-impl.ts');
}

/**
 * The union of polygons (turf `union`: polyclip-ts, non-zero rule), or null when nothing is left.
 *
 * @example
 * await loadPolygonUnion();
 * polygonUnion(featureCollection([squareA, squareB]))?.geometry.type; // 'Polygon' when they touch
 */
export function polygonUnion(features: FeatureCollection<Polygonal>): Feature<Polygonal> | null {
  return loaded().union(features);
}

/** `dissolveToLayout` (dissolve.ts), once loaded. */
export function dissolveImported(...args: Parameters<Impl['dissolveToLayout']>): ReturnType<Impl['dissolveToLayout']> {
  return loaded().dissolveToLayout(...args);
}

/** A point inside a unit's polygons (turf `pointOnFeature`), once loaded. */
export function interiorPoint(feature: Feature<Polygonal>): [number, number] {
  return loaded().pointOnFeature(feature).geometry.coordinates as [number, number];
}
