/**
 * What the state computes over the large imported files (over BULK_MIN_STATEMENTS statements, held
 * in columns: core/columnar/): their event tables, and the counts, timelines and rows shown. Loaded
 * with the first large file restored or added (atlas.svelte.ts, `bulkTools`): a visit without one
 * never downloads it.
 */
import type { IncidentCategory, LayoutId } from '../core/types.ts';
import type { Timeline } from '../core/analysis/timeline.ts';
import { INCIDENT_CATEGORIES } from '../core/data/incidents.ts';
import {
  categoryMask,
  eventTableOnBuffer,
  layoutUnitIds,
  yearRangeDays,
  type EventTable,
} from '../core/columnar/event-table.ts';
import { countByCategory, countByUnit, countShown, visibleIndices } from '../core/columnar/aggregate.ts';
import { EVENTS_PER_CHUNK, tableTimeline } from '../core/columnar/bulk.ts';
import type { StoredBulk, StoredDataset } from './dataset-store.ts';

/** A visible large file: its dataset and its events in columns. */
export interface BulkLayer {
  dataset: StoredDataset;
  bulk: StoredBulk;
  table: EventTable;
}

/** A large file's event table, rebuilt once per stored buffer. */
const tables = new WeakMap<StoredBulk, EventTable>();
function tableOf(bulk: StoredBulk): EventTable {
  let table = tables.get(bulk);
  if (!table) tables.set(bulk, (table = eventTableOnBuffer(bulk.buffer, bulk.events, bulk.maxSpan)));
  return table;
}

/** The large files among these datasets, with their tables. */
export function bulkLayersOf(datasets: readonly StoredDataset[]): BulkLayer[] {
  return datasets.flatMap((d) => (d.bulk ? [{ dataset: d, bulk: d.bulk, table: tableOf(d.bulk) }] : []));
}

/** Each layer's events in the years and categories shown (drawn or not). */
export function shownCounts(
  layers: readonly BulkLayer[],
  from: number,
  to: number,
  categories: readonly IncidentCategory[],
): { layer: BulkLayer; count: number }[] {
  const { fromDay, toDay } = yearRangeDays(from, to);
  const bits = categoryMask(categories);
  return layers.map((layer) => ({ layer, count: countShown(layer.table, fromDay, toDay, bits) }));
}

/** The layers' events per category (INCIDENT_CATEGORIES' order) in the years shown, whatever is ticked. */
export function countsByCategory(layers: readonly BulkLayer[], from: number, to: number): number[] {
  const { fromDay, toDay } = yearRangeDays(from, to);
  const counts = INCIDENT_CATEGORIES.map(() => 0);
  for (const { table } of layers) countByCategory(table, fromDay, toDay).forEach((n, c) => (counts[c]! += n));
  return counts;
}

/** Events per unit of the layout in the layers, over whole years in the categories shown. */
export function countsByUnit(
  layers: readonly BulkLayer[],
  layout: LayoutId,
  from: number,
  to: number,
  categories: readonly IncidentCategory[],
): Map<string, number> {
  const ids = layoutUnitIds(layout);
  const { fromDay, toDay } = yearRangeDays(from, to);
  const bits = categoryMask(categories);
  const total = new Map<string, number>();
  for (const { table } of layers) {
    const counts = countByUnit(table, layout, fromDay, toDay, bits);
    ids.forEach((id, u) => total.set(id, (total.get(id) ?? 0) + counts[u]!));
  }
  return total;
}

/** A timeline with the counts of the layers' events in the categories shown added in. */
export function withLayers(
  timeline: Timeline,
  layers: readonly BulkLayer[],
  categories: readonly IncidentCategory[],
  from: number,
  to: number,
): Timeline {
  if (!layers.length) return timeline;
  const bits = categoryMask(categories);
  const timelines = layers.map((l) => tableTimeline(l.table, bits, from, to));
  const bins = timeline.bins.map((bin, k) => {
    const byMonth = [...bin.byMonth];
    let { total, yearOnly } = bin;
    for (const t of timelines) {
      const other = t.bins[k]!;
      total += other.total;
      yearOnly += other.yearOnly;
      other.byMonth.forEach((n, m) => (byMonth[m]! += n));
    }
    return { ...bin, total, yearOnly, byMonth };
  });
  return { ...timeline, bins, spanningCount: timelines.reduce((n, t) => n + t.spanning, 0) };
}

/**
 * A layer's rows shown (years and categories), grouped by the stored chunk that holds them, in
 * order: `[chunk, rows within it]` (an export reads each chunk once).
 */
export function shownRowsByChunk(
  layer: BulkLayer,
  from: number,
  to: number,
  categories: readonly IncidentCategory[],
): [chunk: number, rows: number[]][] {
  const { fromDay, toDay } = yearRangeDays(from, to);
  const rows = new Uint32Array(layer.table.length);
  const n = visibleIndices(layer.table, fromDay, toDay, categoryMask(categories), rows);
  const chunks: [number, number[]][] = [];
  for (let k = 0; k < n; k++) {
    const chunk = Math.floor(rows[k]! / EVENTS_PER_CHUNK);
    const last = chunks.at(-1);
    if (last?.[0] === chunk) last[1].push(rows[k]! % EVENTS_PER_CHUNK);
    else chunks.push([chunk, [rows[k]! % EVENTS_PER_CHUNK]]);
  }
  return chunks;
}
