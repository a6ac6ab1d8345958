import { DATASETS, EVENT_CHUNKS, openAtlasDb } from './db.ts';
import type { AtlasEvent } from '../core/analysis/events.ts';
import { EVENTS_PER_CHUNK } from '../core/columnar/bulk.ts';

/**
 * The records of a large imported file in IndexedDB, {@link EVENTS_PER_CHUNK} events per entry, in
 * the order of the file's event table: the import worker writes them, the page reads back the one
 * chunk holding an event the user opens. Works in a worker and on the page.
 */
interface EventChunk {
  id: string;
  dataset: string;
  events: AtlasEvent[];
}

const chunkKey = (dataset: string, chunk: number) => `${dataset}:${String(chunk).padStart(6, '0')}`;
const datasetKeys = (dataset: string) => IDBKeyRange.bound(`${dataset}:`, `${dataset}:\uffff`);

/** Writes a file's events, a few chunks per transaction, telling how many are stored. */
export async function storeEventChunks(
  dataset: string,
  events: readonly AtlasEvent[],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const db = await openAtlasDb();
  await db.delete(EVENT_CHUNKS, datasetKeys(dataset));
  const perTransaction = 20 * EVENTS_PER_CHUNK;
  for (let start = 0; start < events.length; start += perTransaction) {
    const tx = db.transaction(EVENT_CHUNKS, 'readwrite');
    const end = Math.min(events.length, start + perTransaction);
    for (let from = start; from < end; from += EVENTS_PER_CHUNK) {
      const chunk: EventChunk = {
        id: chunkKey(dataset, from / EVENTS_PER_CHUNK),
        dataset,
        events: events.slice(from, Math.min(end, from + EVENTS_PER_CHUNK)),
      };
      void tx.store.put(chunk);
    }
    await tx.done;
    onProgress?.(end, events.length);
  }
}

/** The events of one stored chunk (rows chunk × EVENTS_PER_CHUNK onwards); undefined when not stored. */
export async function storedChunk(dataset: string, chunk: number): Promise<AtlasEvent[] | undefined> {
  const stored = (await (await openAtlasDb()).get(EVENT_CHUNKS, chunkKey(dataset, chunk))) as EventChunk | undefined;
  return stored?.events;
}

/** The event at row `row` of a large file's table, read from its chunk; undefined when not stored. */
export async function storedEvent(dataset: string, row: number): Promise<AtlasEvent | undefined> {
  return (await storedChunk(dataset, Math.floor(row / EVENTS_PER_CHUNK)))?.[row % EVENTS_PER_CHUNK];
}

/** Bytes of a large file's table per stored entry: each is written and read in a task of its own. */
const TABLE_SLICE = 1 << 20;
interface TableSlice {
  id: string;
  dataset: string;
  bytes: ArrayBuffer;
}
const sliceKey = (dataset: string, k: number) => `${dataset}:t${String(k).padStart(5, '0')}`;
const flagsKey = (dataset: string) => `${dataset}:flags`;

/**
 * Writes a large file's event table and marker flags beside its records, in 1 MB entries, so that
 * the dataset's own record stays small: cloning 20 MB into one record would hold up the page for a
 * quarter of a second when the file is added.
 */
export async function storeTable(dataset: string, buffer: ArrayBuffer, flags: Uint8Array): Promise<void> {
  const db = await openAtlasDb();
  for (let k = 0; k * TABLE_SLICE < buffer.byteLength; k++) {
    const bytes = buffer.slice(k * TABLE_SLICE, (k + 1) * TABLE_SLICE);
    await db.put(EVENT_CHUNKS, { id: sliceKey(dataset, k), dataset, bytes } satisfies TableSlice);
  }
  const bytes = flags.slice().buffer;
  await db.put(EVENT_CHUNKS, { id: flagsKey(dataset), dataset, bytes } satisfies TableSlice);
}

/** A large file's event table and flags as {@link storeTable} wrote them; null when missing. */
export async function storedTable(
  dataset: string,
  byteLength: number,
): Promise<{ buffer: ArrayBuffer; flags: Uint8Array } | null> {
  const db = await openAtlasDb();
  const buffer = new Uint8Array(byteLength);
  for (let k = 0; k * TABLE_SLICE < byteLength; k++) {
    const slice = (await db.get(EVENT_CHUNKS, sliceKey(dataset, k))) as TableSlice | undefined;
    if (!slice) return null;
    buffer.set(new Uint8Array(slice.bytes), k * TABLE_SLICE);
  }
  const flags = (await db.get(EVENT_CHUNKS, flagsKey(dataset))) as TableSlice | undefined;
  return flags ? { buffer: buffer.buffer, flags: new Uint8Array(flags.bytes) } : null;
}

export async function removeEventChunks(dataset: string): Promise<void> {
  await (await openAtlasDb()).delete(EVENT_CHUNKS, datasetKeys(dataset));
}

/**
 * Removes the chunks of files that were read but never added (the page was closed or the report
 * cancelled before the worker finished), keeping those of every stored dataset.
 */
export async function removeOrphanChunks(): Promise<number> {
  const db = await openAtlasDb();
  const kept = new Set((await db.getAllKeys(DATASETS)).map(String));
  const orphans = (await db.getAllKeys(EVENT_CHUNKS))
    .map(String)
    .filter((key) => !kept.has(key.slice(0, key.lastIndexOf(':'))));
  const tx = db.transaction(EVENT_CHUNKS, 'readwrite');
  for (const key of orphans) void tx.store.delete(key);
  await tx.done;
  return orphans.length;
}
