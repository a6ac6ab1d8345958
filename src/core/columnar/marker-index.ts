/**
 * A large file's marker indexes and vector tiles (see marker-tiles.ts), made in the marker worker
 * (workers/markers.worker.ts): supercluster and the tile encoder stay out of the page.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';
import { CLUSTER_MAX_ZOOM, FLAG_AREA, FLAG_EXACT_DATE, MARKER_LAYER, yearOfRow } from './marker-tiles.ts';
import type { EventTable } from './event-table.ts';

type Props = { r: number; c: number; x: number; a: number; d0?: number; d1?: number };
type Counts = Record<string, number>;

export interface MarkerIndex {
  year: number | null;
  count: number;
  index: Supercluster<Props, Counts>;
}

/**
 * The marker indexes of a table's placed events (those with coordinates), by start year, spanning
 * events last. `flags` holds FLAG_EXACT_DATE | FLAG_AREA per row.
 */
export function markerIndexes(table: EventTable, flags: Uint8Array): MarkerIndex[] {
  const byYear = new Map<number | null, PointFeature<Props>[]>();
  for (let r = 0; r < table.length; r++) {
    const lon = table.lon[r]!;
    const lat = table.lat[r]!;
    if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
    const year = yearOfRow(table, r);
    const properties: Props = {
      r,
      c: table.category[r]!,
      x: flags[r]! & FLAG_EXACT_DATE,
      a: (flags[r]! & FLAG_AREA) >> 1,
    };
    if (year === null) Object.assign(properties, { d0: table.day[r]!, d1: table.dayEnd[r]! });
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
  }
  return [...byYear]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([year, points]) => ({ year, count: points.length, index: clusterIndex(points, year !== null) }));
}

function clusterIndex(points: PointFeature<Props>[], cluster: boolean): Supercluster<Props, Counts> {
  return new Supercluster<Props, Counts>({
    radius: 24,
    extent: 512,
    maxZoom: CLUSTER_MAX_ZOOM,
    // Spanning events are filtered by day on the map: a cluster could not be.
    minPoints: cluster ? 2 : Number.MAX_SAFE_INTEGER,
    map: (p) => Object.fromEntries(INCIDENT_CATEGORIES.map((_, i) => [`n${i}`, p.c === i ? 1 : 0])),
    reduce: (acc, p) => {
      for (let i = 0; i < INCIDENT_CATEGORIES.length; i++) acc[`n${i}`]! += p[`n${i}`]!;
    },
  }).load(points);
}

/** One tile of an index as Mapbox Vector Tile bytes (an empty tile where there are no events). */
export function markerTile(marker: MarkerIndex, z: number, x: number, y: number): Uint8Array {
  const tile = marker.index.getTile(z, x, y) ?? { features: [] };
  return fromGeojsonVt({ [MARKER_LAYER]: tile as never }, { version: 2, extent: 512 });
}
