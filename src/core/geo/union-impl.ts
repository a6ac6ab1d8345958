/** turf's polygon union, alone in a module so that `loadPolygonUnion` (union.ts) can load it on demand. */
export { union } from '@turf/turf';
