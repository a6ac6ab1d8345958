/**
 * The part of shpjs 6 (no bundled types) that the boundary importer and the boundary build use.
 * See node_modules/shpjs/lib/index.js.
 */
declare module 'shpjs' {
  import type { FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';

  /** A layer read from the zip; `fileName` is the shapefile's name without its extension. */
  export type ShapefileLayer = FeatureCollection<Geometry | null, GeoJsonProperties> & { fileName?: string };

  /**
   * Reads a zipped shapefile (.shp with its .dbf, .prj and .cpg), reprojecting to WGS 84 through the
   * .prj. One layer gives one collection; several give an array.
   * @throws `no layers founds` when the zip holds no .shp (or .json).
   */
  export function parseZip(
    buffer: ArrayBuffer | ArrayBufferView,
    whiteList?: string[],
  ): Promise<ShapefileLayer | ShapefileLayer[]>;

  /** Reads a .shp's geometries, reprojected to WGS 84 through the .prj's text when given (the boundary build). */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string): Geometry[];

  /** Reads a .dbf's records, decoded as its .cpg says when given (the boundary build). */
  export function parseDbf(
    dbf: ArrayBuffer | ArrayBufferView,
    cpg?: ArrayBuffer | ArrayBufferView,
  ): GeoJsonProperties[];

  /** Pairs geometries and records into features (the boundary build). */
  export function combine(
    parts: [Geometry[], GeoJsonProperties[]],
  ): FeatureCollection<Geometry | null, GeoJsonProperties>;

  export default function getShapefile(
    base: string | ArrayBuffer | ArrayBufferView,
    whiteList?: string[],
  ): Promise<ShapefileLayer | ShapefileLayer[]>;
}
