/** The boundary importer's entry points, in one module so that the app can load them on demand. */
export { importBoundaries } from './import.ts';
export { importedGeometrySet } from './geometry-set.ts';
