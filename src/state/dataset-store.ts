import { DATASETS, openAtlasDb } from './db.ts';
import type { FileReport, Statistic } from '../core/types.ts';
import type { UserIncident } from '../core/userdata/read-incidents.ts';
import { removeEventChunks, storedTable } from './bulk-store.ts';
import { BYTES_PER_EVENT } from '../core/columnar/event-table.ts';

/**
 * A large incident file as the page keeps it (see core/columnar/bulk.ts): its event table's buffer,
 * one byte of marker flags per event, and its placed events per start year; its records are in
 * IndexedDB in chunks under the dataset's id.
 */
export interface StoredBulk {
  /** Events (rows of the table). */
  events: number;
  /** The event table's columns (`eventTableOnBuffer(buffer, events, maxSpan)`). */
  buffer: ArrayBuffer;
  maxSpan: number | null;
  /** FLAG_EXACT_DATE | FLAG_AREA per event. */
  flags: Uint8Array;
  /** Placed events per start year (`year` null: events spanning years): one map layer each. */
  years: { year: number | null; count: number }[];
  /** Statements that could be placed nowhere: counted, not drawn. */
  unplaced: number;
}

/** A user's imported data file as kept in this browser: its accepted records and its report. */
export interface StoredDataset {
  id: string;
  fileName: string;
  addedAt: string;
  kind: 'incidents' | 'statistics';
  /** Shown on the map; hidden datasets stay stored. */
  visible: boolean;
  /** The file's statements; empty for a large file, whose events are in `bulk`. */
  incidents: UserIncident[];
  statistics: Statistic[];
  /** A large incident file, held in columns. */
  bulk?: StoredBulk;
  report: FileReport;
  warnings: string[];
}

/**
 * Imported datasets, oldest first. They never leave the browser. A large file's table and flags are
 * read back from their own entries (see `storeTable`); one whose table is missing is left out.
 */
export async function listStoredDatasets(): Promise<StoredDataset[]> {
  const all = (await (await openAtlasDb()).getAll(DATASETS)) as StoredRecord[];
  const datasets: StoredDataset[] = [];
  for (const record of all) {
    if (!record.bulk) {
      datasets.push(record as StoredDataset);
      continue;
    }
    const table = await storedTable(record.id, record.bulk.events * BYTES_PER_EVENT);
    if (table) datasets.push({ ...record, bulk: { ...record.bulk, ...table } });
  }
  return datasets.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

/** A dataset as its record holds it: a large file's table and flags are stored apart. */
type StoredRecord = Omit<StoredDataset, 'bulk'> & { bulk?: Omit<StoredBulk, 'buffer' | 'flags'> };

/** How many imported datasets are kept, without reading them. */
export async function countStoredDatasets(): Promise<number> {
  return (await openAtlasDb()).count(DATASETS);
}

/** Stores a dataset; a large file's table and flags were stored apart by the import worker. */
export async function saveDataset(dataset: StoredDataset): Promise<void> {
  // Datasets live in `$state.raw` (never proxied), so they are cloned as they are: a JSON copy first
  // would double the cost of a large file's report on the page.
  const { bulk, ...rest } = dataset;
  const record: StoredRecord = bulk
    ? { ...rest, bulk: { events: bulk.events, maxSpan: bulk.maxSpan, years: bulk.years, unplaced: bulk.unplaced } }
    : rest;
  await (await openAtlasDb()).put(DATASETS, record);
}

export async function removeDataset(id: string): Promise<void> {
  await (await openAtlasDb()).delete(DATASETS, id);
  await removeEventChunks(id);
}
