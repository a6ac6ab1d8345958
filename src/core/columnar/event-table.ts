/**
 * Events held column by column in typed arrays, so that a million of them filter, count and
 * assign to units in milliseconds and fit in a few tens of megabytes.
 *
 * One event is one row across the columns; every column is a view on ONE ArrayBuffer (easy to
 * transfer to a worker, and its `byteLength` is the whole cost):
 *
 * - `lon`, `lat` (Float32Array, 4 + 4 bytes): WGS84 degrees, NaN = no position. Float32 keeps
 *   them to under a metre at Kazakhstan's longitudes.
 * - `day` (Int32Array, 4): the first day the event may fall on, in days since 1970-01-01 (UTC).
 * - `dayEnd` (Int32Array, 4): the last day it may fall on: `day` itself for a date known to the
 *   day, the month's, year's or period's last day otherwise.
 * - `category` (Uint8Array, 1): position in {@link INCIDENT_CATEGORIES}.
 * - `unitA`, `unitB`, `unitC` (Uint8Array, 1 × 3): position of the event's unit in each layout's
 *   unit list ({@link layoutUnitIds}), {@link NO_UNIT} for none.
 *
 * **20 bytes per event, everything included** (the columns are the only per-event storage; the
 * table object itself is a few hundred bytes whatever its length). The budget is 40.
 *
 * A date known only to the month or the year is kept as its whole span [`day`, `dayEnd`], so that it
 * counts in every year it may fall in (the app's rule, see `overlapsYears`), never in its first day
 * only.
 */
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';
import { containingUnit, placeById, unitById, unitsOf } from '../gazetteer.ts';
import { unitOfEvent } from '../analysis/incident-counts.ts';
import type { AtlasEvent } from '../analysis/events.ts';
import type { IncidentCategory, LayoutId, Place, Unit } from '../types.ts';

export { INCIDENT_CATEGORIES };

/** The unit columns' value for "in no unit of this layout" (abroad, nationwide, no position). */
export const NO_UNIT = 255;

/** Bytes one event takes across all columns. */
export const BYTES_PER_EVENT = 4 + 4 + 4 + 4 + 1 + 3;

/** Every column, in buffer order. */
const COLUMNS = ['lon', 'lat', 'day', 'dayEnd', 'category', 'unitA', 'unitB', 'unitC'] as const;

/** The columns of a table; rows are events. */
export interface EventTable {
  /** Number of events. */
  readonly length: number;
  /** The one buffer every column is a view on (`byteLength` = `length` × {@link BYTES_PER_EVENT}). */
  readonly buffer: ArrayBuffer;
  readonly lon: Float32Array;
  readonly lat: Float32Array;
  readonly day: Int32Array;
  readonly dayEnd: Int32Array;
  readonly category: Uint8Array;
  readonly unitA: Uint8Array;
  readonly unitB: Uint8Array;
  readonly unitC: Uint8Array;
  /**
   * Non-null when the rows are in ascending `day` order (found so when the table was built, or made so
   * by {@link sortByDay}): filters then read only the rows whose span can reach the range. `day` and
   * `dayEnd` must not change once a table is built (units may be filled later).
   */
  readonly dayOrder: DayOrder | null;
}

/** What a filter needs to know of a table sorted by day. */
export interface DayOrder {
  /** The longest span, max(dayEnd − day), in days: 0 if all are day-precise, 365 with a leap year. */
  readonly maxSpan: number;
}

/** One event as plain numbers, for {@link eventTableFromRows}. Units default to {@link NO_UNIT}. */
export interface EventRow {
  lon: number;
  lat: number;
  day: number;
  dayEnd: number;
  /** Position in {@link INCIDENT_CATEGORIES}, or the category itself. */
  category: number | IncidentCategory;
  unitA?: number;
  unitB?: number;
  unitC?: number;
}

/** Columns to copy into a table by {@link eventTableFromArrays}; units default to {@link NO_UNIT}. */
export interface EventColumns {
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  day: ArrayLike<number>;
  dayEnd: ArrayLike<number>;
  category: ArrayLike<number>;
  unitA?: ArrayLike<number>;
  unitB?: ArrayLike<number>;
  unitC?: ArrayLike<number>;
}

// ---------------------------------------------------------------------------------------------
// Days

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, without a Date object (H. Hinnant's
 * `days_from_civil`). Month 1-12.
 *
 * @example daysFromCivil(1970, 1, 1) // 0
 * @example daysFromCivil(2011, 5, 14) // 15108
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The year and month (1-12) of a day number, without a Date object (H. Hinnant's
 * `civil_from_days`), for counting a million events by month.
 *
 * @example yearMonthOfDay(15108) // { year: 2011, month: 5 }
 */
export function yearMonthOfDay(dayNumber: number): { year: number; month: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month };
}

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function isoOfDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** First and last day numbers of a range of whole years, for the year slider. */
export function yearRangeDays(from: number, to: number): { fromDay: number; toDay: number } {
  return { fromDay: daysFromCivil(from, 1, 1), toDay: daysFromCivil(to, 12, 31) };
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

const digits = (text: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

/**
 * The first and last day numbers a partial ISO date covers (`2011`, `2011-05`, `2011-05-14`), or
 * null when the text is not one. Parses character codes, so a CSV import can run it per row.
 *
 * @example dayRangeOf('2011-05') // [15095, 15125] (2011-05-01 .. 2011-05-31)
 */
export function dayRangeOf(text: string): [number, number] | null {
  const year = text.length >= 4 ? digits(text, 0, 4) : -1;
  if (year < 0) return null;
  if (text.length === 4) return [daysFromCivil(year, 1, 1), daysFromCivil(year, 12, 31)];
  const month = text.length >= 7 && text[4] === '-' ? digits(text, 5, 2) : -1;
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (text.length === 7) return [daysFromCivil(year, month, 1), daysFromCivil(year, month, last)];
  const day = text.length === 10 && text[7] === '-' ? digits(text, 8, 2) : -1;
  if (day < 1 || day > last) return null;
  const n = daysFromCivil(year, month, day);
  return [n, n];
}

// ---------------------------------------------------------------------------------------------
// Units and categories

const LAYOUT_UNIT_IDS: Readonly<Record<LayoutId, readonly string[]>> = {
  A: unitsOf('A').map((u) => u.id),
  B: unitsOf('B').map((u) => u.id),
  C: unitsOf('C').map((u) => u.id),
};

/**
 * The unit ids of a layout in the order the unit columns number them (the gazetteer's order):
 * `unitA[i] === 3` means the event lies in `layoutUnitIds('A')[3]`.
 */
export function layoutUnitIds(layout: LayoutId): readonly string[] {
  return LAYOUT_UNIT_IDS[layout];
}

/** The unit column of a layout. */
export function unitColumn(table: EventTable, layout: LayoutId): Uint8Array {
  return layout === 'A' ? table.unitA : layout === 'B' ? table.unitB : table.unitC;
}

/** Position of a category in {@link INCIDENT_CATEGORIES}. @throws for an unknown category. */
export function categoryIndex(category: IncidentCategory): number {
  const i = INCIDENT_CATEGORIES.indexOf(category);
  if (i < 0) throw new Error(`unknown incident category "${category}"`);
  return i;
}

/**
 * A bit mask of categories for the filters: bit `categoryIndex(c)` set for each category shown.
 *
 * @example categoryMask(['attack', 'detention']) // 0b101
 */
export function categoryMask(categories: Iterable<IncidentCategory>): number {
  let mask = 0;
  for (const c of categories) mask |= 1 << categoryIndex(c);
  return mask;
}

/** Every category shown. */
export const ALL_CATEGORIES = (1 << INCIDENT_CATEGORIES.length) - 1;

// ---------------------------------------------------------------------------------------------
// Building tables

/** A table of `length` events, coordinates NaN, days 0, category 0 and every unit {@link NO_UNIT}. */
export function createEventTable(length: number): EventTable {
  if (!Number.isInteger(length) || length < 0) throw new Error(`createEventTable: bad length ${length}`);
  const table = eventTableOnBuffer(new ArrayBuffer(length * BYTES_PER_EVENT), length);
  table.lon.fill(NaN);
  table.lat.fill(NaN);
  new Uint8Array(table.buffer, 17 * length, 3 * length).fill(NO_UNIT);
  return table;
}

/**
 * The table whose columns are the given buffer (as `table.buffer` holds them: after a transfer from a
 * worker, or read back from IndexedDB). `maxSpan` restores a day order known when it was built.
 * @throws when the buffer's size is not `length` × {@link BYTES_PER_EVENT}.
 */
export function eventTableOnBuffer(buffer: ArrayBuffer, length: number, maxSpan: number | null = null): EventTable {
  if (buffer.byteLength !== length * BYTES_PER_EVENT) {
    throw new Error(`eventTableOnBuffer: ${buffer.byteLength} bytes do not hold ${length} events`);
  }
  // Four-byte columns first, so that every view starts on a multiple of 4.
  return {
    length,
    buffer,
    lon: new Float32Array(buffer, 0, length),
    lat: new Float32Array(buffer, 4 * length, length),
    day: new Int32Array(buffer, 8 * length, length),
    dayEnd: new Int32Array(buffer, 12 * length, length),
    category: new Uint8Array(buffer, 16 * length, length),
    unitA: new Uint8Array(buffer, 17 * length, length),
    unitB: new Uint8Array(buffer, 18 * length, length),
    unitC: new Uint8Array(buffer, 19 * length, length),
    dayOrder: maxSpan === null ? null : { maxSpan },
  };
}

/**
 * The table with {@link EventTable.dayOrder} set when its rows are in ascending day order, as built;
 * one pass over `day` and `dayEnd`.
 */
export function withDayOrder(table: EventTable): EventTable {
  const { day, dayEnd, length } = table;
  let maxSpan = 0;
  for (let i = 0; i < length; i++) {
    if (i > 0 && day[i]! < day[i - 1]!) return table.dayOrder === null ? table : { ...table, dayOrder: null };
    const span = dayEnd[i]! - day[i]!;
    if (span > maxSpan) maxSpan = span;
  }
  return { ...table, dayOrder: { maxSpan } };
}

/**
 * Row numbers in ascending day order, ties in row order (a stable counting sort over the days when
 * they span a few years, a comparison sort otherwise).
 */
export function dayOrderPermutation(table: EventTable): Uint32Array {
  const { day, length } = table;
  const order = new Uint32Array(length);
  if (length === 0) return order;
  let min = day[0]!;
  let max = day[0]!;
  for (let i = 1; i < length; i++) {
    if (day[i]! < min) min = day[i]!;
    if (day[i]! > max) max = day[i]!;
  }
  const range = max - min + 1;
  if (range > 4 * length + 65_536) {
    for (let i = 0; i < length; i++) order[i] = i;
    return order.sort((a, b) => day[a]! - day[b]! || a - b);
  }
  const starts = new Uint32Array(range + 1);
  for (let i = 0; i < length; i++) starts[day[i]! - min + 1]!++;
  for (let d = 1; d <= range; d++) starts[d]! += starts[d - 1]!;
  for (let i = 0; i < length; i++) order[starts[day[i]! - min]!++] = i;
  return order;
}

/**
 * A copy of the table with its rows in ascending day order (stable), so that year filters read only
 * the rows that can overlap the range. Row i of the copy is row `dayOrderPermutation(table)[i]`.
 */
export function sortByDay(table: EventTable): EventTable {
  const order = dayOrderPermutation(table);
  const sorted = createEventTable(table.length);
  for (const key of COLUMNS) {
    const from = table[key];
    const to = sorted[key];
    for (let i = 0; i < order.length; i++) to[i] = from[order[i]!]!;
  }
  return withDayOrder(sorted);
}

/** Bytes the table holds per event (the buffer's byteLength / length; {@link BYTES_PER_EVENT}). */
export function bytesPerEvent(table: EventTable): number {
  return table.length === 0 ? 0 : table.buffer.byteLength / table.length;
}

/**
 * A table copied from columns of equal length (plain arrays or typed arrays).
 * @throws when the columns differ in length.
 */
export function eventTableFromArrays(columns: EventColumns): EventTable {
  const n = columns.lon.length;
  for (const [name, column] of Object.entries(columns) as [string, ArrayLike<number> | undefined][]) {
    if (column && column.length !== n)
      throw new Error(`eventTableFromArrays: ${name} has ${column.length} rows, lon ${n}`);
  }
  const table = createEventTable(n);
  table.lon.set(columns.lon);
  table.lat.set(columns.lat);
  table.day.set(columns.day);
  table.dayEnd.set(columns.dayEnd);
  table.category.set(columns.category);
  if (columns.unitA) table.unitA.set(columns.unitA);
  if (columns.unitB) table.unitB.set(columns.unitB);
  if (columns.unitC) table.unitC.set(columns.unitC);
  return withDayOrder(table);
}

/** Copies rows [0, length) of a table into a new table of exactly that length. */
function truncated(table: EventTable, length: number): EventTable {
  const out = createEventTable(length);
  for (const key of COLUMNS) {
    (out[key] as Uint8Array).set((table[key] as Uint8Array).subarray(0, length));
  }
  return out;
}

/**
 * A table from rows, e.g. a generator that parses a file: the rows are copied as they come, so a
 * generator may yield the same object each time. `capacityHint` (the expected count) avoids regrowing.
 */
export function eventTableFromRows(rows: Iterable<EventRow>, capacityHint = 1024): EventTable {
  let table = createEventTable(Math.max(1, capacityHint));
  let n = 0;
  for (const row of rows) {
    if (n === table.length) table = grown(table);
    table.lon[n] = row.lon;
    table.lat[n] = row.lat;
    table.day[n] = row.day;
    table.dayEnd[n] = row.dayEnd;
    table.category[n] = typeof row.category === 'number' ? row.category : categoryIndex(row.category);
    table.unitA[n] = row.unitA ?? NO_UNIT;
    table.unitB[n] = row.unitB ?? NO_UNIT;
    table.unitC[n] = row.unitC ?? NO_UNIT;
    n++;
  }
  return withDayOrder(n === table.length ? table : truncated(table, n));
}

/** A table twice as long holding the same rows first. */
function grown(table: EventTable): EventTable {
  const out = createEventTable(table.length * 2);
  for (const key of COLUMNS) {
    (out[key] as Uint8Array).set(table[key] as Uint8Array);
  }
  return out;
}

/** What {@link fromAtlasEvents} needs of the gazetteer (the app's by default). */
export interface TableGazetteer {
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
  containingUnit(unitId: string, layout: LayoutId): Unit | null | undefined;
  unitsOf(layout: LayoutId): Unit[];
}

const appGazetteer: TableGazetteer = { unitById, placeById, containingUnit, unitsOf };

/**
 * The app's events as a table, row i = events[i]. Units come from the gazetteer exactly as the
 * incident counts take them (`unitOfEvent`: the place's unit per layout, a region-level event's
 * region), not from the coordinates; an event with no position (nationwide) has NaN coordinates.
 */
export function fromAtlasEvents(events: readonly AtlasEvent[], gazetteer: TableGazetteer = appGazetteer): EventTable {
  const table = createEventTable(events.length);
  const position = (layout: LayoutId) => new Map(LAYOUT_UNIT_IDS[layout].map((id, i) => [id, i]));
  const positions = { A: position('A'), B: position('B'), C: position('C') };
  events.forEach((event, i) => {
    table.lon[i] = event.position?.lon ?? NaN;
    table.lat[i] = event.position?.lat ?? NaN;
    const start = dayRangeOf(event.start);
    const end = dayRangeOf(event.end);
    if (!start || !end) throw new Error(`fromAtlasEvents: event ${event.id} has dates ${event.start}..${event.end}`);
    table.day[i] = start[0];
    table.dayEnd[i] = end[1];
    table.category[i] = categoryIndex(event.category);
    for (const layout of ['A', 'B', 'C'] as const) {
      const unit = unitOfEvent(event, layout, gazetteer);
      unitColumn(table, layout)[i] = (unit === null ? undefined : positions[layout].get(unit)) ?? NO_UNIT;
    }
  });
  return withDayOrder(table);
}
