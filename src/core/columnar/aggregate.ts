/**
 * Filtering and counting an {@link EventTable} in one pass over its columns, with no allocation
 * when the caller hands in the output array: what a year-slider step needs, at a million events.
 *
 * The filter is the app's (`eventsInView`): an event is shown when its category is ticked and its
 * span [`day`, `dayEnd`] shares a day with [`fromDay`, `toDay`], so an event known only to the month
 * or the year counts in every year it may fall in.
 *
 * On a table sorted by day (`dayOrder` set, see `sortByDay`) the pass reads only the rows that can
 * overlap, found by binary search, and only the columns that can still decide: rows starting inside
 * the range need just their category (and none when every category is ticked); rows starting up to
 * `maxSpan` days before it need their `dayEnd` too. On an unsorted table every row is read. Either
 * way the loops are branch-free, since real data makes the branches unpredictable.
 */
import { ALL_CATEGORIES, NO_UNIT, layoutUnitIds, unitColumn, type EventTable } from './event-table.ts';
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';

const CATEGORY_COUNT = INCIDENT_CATEGORIES.length;
import type { LayoutId } from '../types.ts';

/** Counts per unit position, NO_UNIT (255) included, reused by every call: JS runs one call at a time. */
const scratch = new Uint32Array(NO_UNIT + 1);

/** Day numbers are far inside int32, so that `(a - b) >>> 31` is the sign of the difference. */
const DAY_LIMIT = 2 ** 29;

/** The first row in [lo, hi) whose day is ≥ `value` (rows sorted by day). */
function firstDayAtLeast(day: Int32Array, value: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (day[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The filter's bounds as int32 day numbers, or null when no day can match. */
function bounds(
  fromDay: number,
  toDay: number,
  categoryMask: number,
): { from: number; to: number; mask: number } | null {
  const from = Math.ceil(Math.max(fromDay, -DAY_LIMIT));
  const to = Math.floor(Math.min(toDay, DAY_LIMIT));
  const mask = categoryMask & ALL_CATEGORIES;
  return from <= to && mask !== 0 ? { from, to, mask } : null;
}

/**
 * The rows to read: [lo, mid) start before `from` (and may reach into the range), [mid, hi) start
 * inside it. Without a day order, every row is in [lo, hi) with mid = -1 (read every column).
 */
function window(table: EventTable, from: number, to: number): { lo: number; mid: number; hi: number } {
  if (!table.dayOrder) return { lo: 0, mid: -1, hi: table.length };
  const { day, length } = table;
  const lo = firstDayAtLeast(day, from - table.dayOrder.maxSpan, 0, length);
  const mid = firstDayAtLeast(day, from, lo, length);
  const hi = firstDayAtLeast(day, to + 1, mid, length);
  return { lo, mid, hi };
}

/**
 * Events per unit of a layout: `out[u]` = events in unit `layoutUnitIds(layout)[u]` whose span
 * overlaps [`fromDay`, `toDay`] (day numbers, inclusive) and whose category bit is set in
 * `categoryMask`. Events in no unit are not counted. `out` (length ≥ the layout's unit count) is
 * overwritten; without it a new array is returned.
 *
 * @example
 * const { fromDay, toDay } = yearRangeDays(2011, 2016);
 * countByUnit(table, 'A', fromDay, toDay, categoryMask(['attack']), counts); // counts[u], u in layoutUnitIds('A')
 */
export function countByUnit(
  table: EventTable,
  layout: LayoutId,
  fromDay: number,
  toDay: number,
  categoryMask: number,
  out?: Uint32Array,
): Uint32Array {
  const unitCount = layoutUnitIds(layout).length;
  if (out && out.length < unitCount) {
    throw new Error(`countByUnit: out holds ${out.length}, layout ${layout} has ${unitCount} units`);
  }
  const counts = out ?? new Uint32Array(unitCount);
  scratch.fill(0);
  const filter = bounds(fromDay, toDay, categoryMask);
  if (filter) {
    const { from, to, mask } = filter;
    const { day, dayEnd, category } = table;
    const unit = unitColumn(table, layout);
    const { lo, mid, hi } = window(table, from, to);
    if (mid < 0) {
      for (let i = lo; i < hi; i++) {
        scratch[unit[i]!]! +=
          (mask >>> category[i]!) & 1 & (((dayEnd[i]! - from) >>> 31) ^ 1) & (((to - day[i]!) >>> 31) ^ 1);
      }
    } else {
      for (let i = lo; i < mid; i++)
        scratch[unit[i]!]! += (mask >>> category[i]!) & 1 & (((dayEnd[i]! - from) >>> 31) ^ 1);
      if (mask === ALL_CATEGORIES) for (let i = mid; i < hi; i++) scratch[unit[i]!]!++;
      else for (let i = mid; i < hi; i++) scratch[unit[i]!]! += (mask >>> category[i]!) & 1;
    }
  }
  for (let u = 0; u < unitCount; u++) counts[u] = scratch[u]!;
  return counts;
}

/**
 * Which events are shown, as 1/0 per row in `out` (length ≥ the table's), by the same rule as
 * {@link countByUnit}; positions and units play no part. Returns how many are shown.
 */
export function visibleMask(
  table: EventTable,
  fromDay: number,
  toDay: number,
  categoryMask: number,
  out: Uint8Array,
): number {
  if (out.length < table.length) throw new Error(`visibleMask: out holds ${out.length}, table ${table.length}`);
  out.fill(0, 0, table.length);
  const filter = bounds(fromDay, toDay, categoryMask);
  if (!filter) return 0;
  const { from, to, mask } = filter;
  const { day, dayEnd, category } = table;
  const { lo, mid, hi } = window(table, from, to);
  let shown = 0;
  const start = mid < 0 ? hi : mid;
  for (let i = lo; i < start; i++) {
    const on = (mask >>> category[i]!) & 1 & (((dayEnd[i]! - from) >>> 31) ^ 1) & (((to - day[i]!) >>> 31) ^ 1);
    out[i] = on;
    shown += on;
  }
  for (let i = start; i < hi; i++) {
    const on = (mask >>> category[i]!) & 1;
    out[i] = on;
    shown += on;
  }
  return shown;
}

/**
 * Row numbers of the events shown, ascending, written to the start of `out` (length ≥ the table's),
 * by the same rule as {@link countByUnit}. Returns how many: the rows are `out.subarray(0, count)`.
 */
export function visibleIndices(
  table: EventTable,
  fromDay: number,
  toDay: number,
  categoryMask: number,
  out: Uint32Array,
): number {
  if (out.length < table.length) throw new Error(`visibleIndices: out holds ${out.length}, table ${table.length}`);
  const filter = bounds(fromDay, toDay, categoryMask);
  if (!filter) return 0;
  const { from, to, mask } = filter;
  const { day, dayEnd, category } = table;
  const { lo, mid, hi } = window(table, from, to);
  let n = 0;
  const start = mid < 0 ? hi : mid;
  // Branch-free: write every candidate, advance only past the shown ones.
  for (let i = lo; i < start; i++) {
    out[n] = i;
    n += (mask >>> category[i]!) & 1 & (((dayEnd[i]! - from) >>> 31) ^ 1) & (((to - day[i]!) >>> 31) ^ 1);
  }
  for (let i = start; i < hi; i++) {
    out[n] = i;
    n += (mask >>> category[i]!) & 1;
  }
  return n;
}

/** How many events are shown, by the same rule as {@link countByUnit} (units and positions play no part). */
export function countShown(table: EventTable, fromDay: number, toDay: number, categoryMask: number): number {
  const filter = bounds(fromDay, toDay, categoryMask);
  if (!filter) return 0;
  const { from, to, mask } = filter;
  const { day, dayEnd, category } = table;
  const { lo, mid, hi } = window(table, from, to);
  let shown = 0;
  const start = mid < 0 ? hi : mid;
  for (let i = lo; i < start; i++) {
    shown += (mask >>> category[i]!) & 1 & (((dayEnd[i]! - from) >>> 31) ^ 1) & (((to - day[i]!) >>> 31) ^ 1);
  }
  for (let i = start; i < hi; i++) shown += (mask >>> category[i]!) & 1;
  return shown;
}

/**
 * Events per category whatever is ticked, by the same rule as {@link countByUnit} otherwise:
 * `out[c]` = events of category position `c` (INCIDENT_CATEGORIES' order) whose span overlaps
 * [`fromDay`, `toDay`]. One pass, where {@link countShown} per category would make one each.
 */
export function countByCategory(table: EventTable, fromDay: number, toDay: number): number[] {
  scratch.fill(0);
  const filter = bounds(fromDay, toDay, ALL_CATEGORIES);
  if (filter) {
    const { from, to } = filter;
    const { day, dayEnd, category } = table;
    const { lo, mid, hi } = window(table, from, to);
    const start = mid < 0 ? hi : mid;
    for (let i = lo; i < start; i++)
      scratch[category[i]!]! += (((dayEnd[i]! - from) >>> 31) ^ 1) & (((to - day[i]!) >>> 31) ^ 1);
    for (let i = start; i < hi; i++) scratch[category[i]!]!++;
  }
  return Array.from(scratch.subarray(0, CATEGORY_COUNT));
}
