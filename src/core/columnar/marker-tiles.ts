/**
 * A large file's markers as vector tiles, made where its events are (a worker), so that the page
 * only relays small binary tiles to MapLibre: MapLibre fetches a GeoJSON source's data on the page
 * and clones it to its worker, which for a million points is seconds of the page's time.
 *
 * One index per start year (events whose dates span several years in one more, never clustered,
 * filtered by day on the map). Below zoom 8 a year's events cluster (supercluster); each cluster
 * counts its events per category (`n0` … `n6`), so that the category filter can size it. Tile
 * features carry `r` (the event's row in the table), `c` (category position), `x` (1: date known to
 * the day), `a` (1: stands for an area, not a place) and, for spanning events, `d0`/`d1` (days).
 */
import Supercluster, { type PointFeature } from 'supercluster';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';
import { yearMonthOfDay, type EventTable } from './event-table.ts';

/** The layer name inside every marker tile. */
export const MARKER_LAYER = 'events';
/** Zooms up to which a year's events are clustered; from the next zoom on, every event is drawn. */
export const CLUSTER_MAX_ZOOM = 7;

/** Per event: bit 0 = date known to the day, bit 1 = stands for an area (region, district, country). */
export const FLAG_EXACT_DATE = 1;
export const FLAG_AREA = 2;

type Props = { r: number; c: number; x: number; a: number; d0?: number; d1?: number };
type Counts = Record<string, number>;

export interface MarkerIndex {
  year: number | null;
  count: number;
  index: Supercluster<Props, Counts>;
}

/** The start year of each event whose dates lie in one year, else null (spanning several years). */
export function yearOfRow(table: EventTable, row: number): number | null {
  const start = yearMonthOfDay(table.day[row]!).year;
  return start === yearMonthOfDay(table.dayEnd[row]!).year ? start : null;
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
