/**
 * A large imported incident file, held the way a million events fit in a browser: its events as an
 * {@link EventTable} (20 bytes each: filters, counts and the timeline run over the columns), its
 * markers as GeoJSON text per start year (handed to MapLibre by URL, so the page never holds them
 * as objects, and a year-slider step only shows or hides whole layers), and its full records in
 * chunks, read back one chunk at a time when the user opens an event.
 *
 * Built in the import worker ({@link buildBulk}); everything here is pure.
 */
import { groupEvents, type AtlasEvent, type Locate, type PositionedIncident } from '../analysis/events.ts';
import { fromAtlasEvents, yearMonthOfDay, type EventTable, type TableGazetteer } from './event-table.ts';

/** A file with more accepted statements than this is held in columns rather than as objects. */
export const BULK_MIN_STATEMENTS = 5000;
/** Events per stored chunk of records: one chunk is read when an event is opened. */
export const EVENTS_PER_CHUNK = 1000;

/**
 * The markers of one start year (`year`), or of the events whose dates span several years (`year`
 * null: their layer is filtered by day instead), as GeoJSON text. Feature properties: `r` the
 * event's row in the table, `c` its category's position in INCIDENT_CATEGORIES, `x` 1 when its date
 * is known to the day, `a` 1 when it stands for an area (region, district or country) rather than a
 * place, and for spanning events `d0`/`d1`, its first and last day numbers.
 */
export interface MarkerSet {
  year: number | null;
  count: number;
  json: string;
}

export interface BulkBuild {
  /** One row per event, in ascending day order (row i = events[i]). */
  table: EventTable;
  events: AtlasEvent[];
  markers: MarkerSet[];
  /** Statements that could not be placed anywhere (no coordinates, no known place). */
  unplaced: number;
}

/**
 * Groups a file's statements into events, orders them by day and builds the table and markers.
 *
 * @example
 * const bulk = buildBulk(records, locate);
 * bulk.table.length === bulk.events.length; // row i is events[i]
 */
export function buildBulk(
  records: readonly PositionedIncident[],
  locate: Locate,
  gazetteer?: TableGazetteer,
): BulkBuild {
  const { events, unplaced } = groupEvents(records, locate);
  const table = gazetteer ? fromAtlasEvents(events, gazetteer) : fromAtlasEvents(events);
  return { table, events, markers: markerSets(table, events), unplaced: unplaced.length };
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The markers of the table's placed events, by start year; events spanning years apart. */
export function markerSets(table: EventTable, events: readonly AtlasEvent[]): MarkerSet[] {
  const byYear = new Map<number | null, string[]>();
  for (let i = 0; i < table.length; i++) {
    const event = events[i]!;
    if (!event.position) continue;
    const start = yearMonthOfDay(table.day[i]!).year;
    const year = start === yearMonthOfDay(table.dayEnd[i]!).year ? start : null;
    const area =
      event.locationPrecision === 'region' ||
      event.locationPrecision === 'district' ||
      event.locationPrecision === 'country';
    const days = year === null ? `,"d0":${table.day[i]},"d1":${table.dayEnd[i]}` : '';
    const feature =
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${round(event.position.lon)},${round(event.position.lat)}]},` +
      `"properties":{"r":${i},"c":${table.category[i]},"x":${event.datePrecision === 'day' ? 1 : 0},"a":${area ? 1 : 0}${days}}}`;
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push(feature);
  }
  return [...byYear]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([year, features]) => ({
      year,
      count: features.length,
      json: `{"type":"FeatureCollection","features":[${features.join(',')}]}`,
    }));
}

/** Events of one year by month, as the timeline draws them (see `histogram`). */
export interface YearCounts {
  year: number;
  total: number;
  byMonth: number[];
  yearOnly: number;
}

/**
 * The timeline's counts over a table: each event in the categories of `categoryMask` counts in its
 * month when its span lies in one month, in its year's "year only" part when it lies in one year,
 * else (a span over several years overlapping the range) in `spanning`.
 *
 * @example tableTimeline(table, ALL_CATEGORIES, 2011, 2014).bins[0].byMonth[4] // events in May 2011
 */
export function tableTimeline(
  table: EventTable,
  categoryMask: number,
  from: number,
  to: number,
): { bins: YearCounts[]; spanning: number } {
  const bins: YearCounts[] = [];
  for (let year = from; year <= to; year++)
    bins.push({ year, total: 0, byMonth: Array(12).fill(0) as number[], yearOnly: 0 });
  let spanning = 0;
  for (let i = 0; i < table.length; i++) {
    if (((categoryMask >>> table.category[i]!) & 1) === 0) continue;
    const start = yearMonthOfDay(table.day[i]!);
    const end = yearMonthOfDay(table.dayEnd[i]!);
    if (start.year !== end.year) {
      if (start.year <= to && end.year >= from) spanning++;
      continue;
    }
    const bin = bins[start.year - from];
    if (!bin) continue;
    bin.total++;
    if (start.month === end.month) bin.byMonth[start.month - 1]!++;
    else bin.yearOnly++;
  }
  return { bins, spanning };
}
