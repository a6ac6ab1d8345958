/**
 * What `loadPolygonUnion` (union.ts) loads on demand, alone in a module: turf's polygon union and
 * interior point, and the dissolve (which uses the union).
 */
export { pointOnFeature, union } from '@turf/turf';
export { dissolveToLayout } from './dissolve.ts';
