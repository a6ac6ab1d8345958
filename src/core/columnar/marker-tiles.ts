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
 *
 * Here what the page also needs (the layer name, the flags); the indexes and tiles, which only the
 * marker worker makes, are in marker-index.ts.
 */
import { yearMonthOfDay, type EventTable } from './event-table.ts';

/** The layer name inside every marker tile. */
export const MARKER_LAYER = 'events';
/** Zooms up to which a year's events are clustered; from the next zoom on, every event is drawn. */
export const CLUSTER_MAX_ZOOM = 7;

/** Per event: bit 0 = date known to the day, bit 1 = stands for an area (region, district, country). */
export const FLAG_EXACT_DATE = 1;
export const FLAG_AREA = 2;

/** The start year of each event whose dates lie in one year, else null (spanning several years). */
export function yearOfRow(table: EventTable, row: number): number | null {
  const start = yearMonthOfDay(table.day[row]!).year;
  return start === yearMonthOfDay(table.dayEnd[row]!).year ? start : null;
}
