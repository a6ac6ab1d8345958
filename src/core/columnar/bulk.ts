/**
 * A large imported incident file, held the way a million events fit in a browser: its events as an
 * {@link EventTable} (20 bytes each: filters, counts and the timeline run over the columns) plus one
 * byte of marker flags, its markers as vector tiles made in a worker from the table (see
 * marker-tiles.ts), and its full records in chunks, read back one chunk at a time when the user
 * opens an event or exports.
 *
 * Built in the import worker ({@link buildBulk}); everything here is pure.
 */
import { groupEvents, type AtlasEvent, type Locate, type PositionedIncident } from '../analysis/events.ts';
import { daysFromCivil, fromAtlasEvents, yearMonthOfDay, type EventTable, type TableGazetteer } from './event-table.ts';
import { FLAG_AREA, FLAG_EXACT_DATE, yearOfRow } from './marker-tiles.ts';

/** A file with more accepted statements than this is held in columns rather than as objects. */
export const BULK_MIN_STATEMENTS = 5000;
/** Events per stored chunk of records: one chunk is read when an event is opened. */
export const EVENTS_PER_CHUNK = 1000;

export interface BulkBuild {
  /** One row per event, in ascending day order (row i = events[i]). */
  table: EventTable;
  events: AtlasEvent[];
  /** Per row: FLAG_EXACT_DATE | FLAG_AREA, what the markers need beyond the table's columns. */
  flags: Uint8Array;
  /** Placed events per start year (`year` null: dates spanning several years), for the map's layers. */
  years: { year: number | null; count: number }[];
  /** Statements that could not be placed anywhere (no coordinates, no known place). */
  unplaced: number;
}

/**
 * Groups a file's statements into events, orders them by day and builds the table, the markers'
 * flags and the count of placed events per start year.
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
  const flags = new Uint8Array(table.length);
  const years = new Map<number | null, number>();
  events.forEach((event, r) => {
    const area =
      event.locationPrecision === 'region' ||
      event.locationPrecision === 'district' ||
      event.locationPrecision === 'country';
    flags[r] = (event.datePrecision === 'day' ? FLAG_EXACT_DATE : 0) | (area ? FLAG_AREA : 0);
    if (!event.position) return;
    const year = yearOfRow(table, r);
    years.set(year, (years.get(year) ?? 0) + 1);
  });
  return {
    table,
    events,
    flags,
    years: [...years].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity)).map(([year, count]) => ({ year, count })),
    unplaced: unplaced.length,
  };
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
  // The month of the last day looked up, as a range of day numbers: rows sorted by day (and most
  // events known to the day) mostly fall in it, so the calendar is consulted once per month.
  let monthFrom = 1;
  let monthTo = 0;
  let known = { year: 0, month: 0 };
  const monthOf = (day: number): { year: number; month: number } => {
    if (day < monthFrom || day > monthTo) {
      known = yearMonthOfDay(day);
      monthFrom = daysFromCivil(known.year, known.month, 1);
      monthTo = daysFromCivil(known.month === 12 ? known.year + 1 : known.year, (known.month % 12) + 1, 1) - 1;
    }
    return known;
  };
  for (let i = 0; i < table.length; i++) {
    if (((categoryMask >>> table.category[i]!) & 1) === 0) continue;
    const day = table.day[i]!;
    const dayEnd = table.dayEnd[i]!;
    const start = monthOf(day);
    const sameMonth = dayEnd <= monthTo;
    const end = sameMonth ? start : yearMonthOfDay(dayEnd);
    if (start.year !== end.year) {
      if (start.year <= to && end.year >= from) spanning++;
      continue;
    }
    const bin = bins[start.year - from];
    if (!bin) continue;
    bin.total++;
    if (sameMonth || start.month === end.month) bin.byMonth[start.month - 1]!++;
    else bin.yearOnly++;
  }
  return { bins, spanning };
}
