import { openDB, type IDBPDatabase } from 'idb';
import type { GeometrySet } from '../core/geo/geometry-sets.ts';

/** An imported boundary file as kept in the browser: the matched unit polygons and what the import found. */
export interface StoredBoundarySet extends GeometrySet {
  fileName: string;
  addedAt: string;
  summary: { features: number; matched: number; unmatched: number; corrected: number; warnings: string[] };
}

const DB = 'kz-atlas';
const STORE = 'boundaries';

let db: Promise<IDBPDatabase> | null = null;
function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return db;
}

/**
 * Imported boundaries persist across reloads in IndexedDB, in this browser only: nothing is sent
 * anywhere. Listed oldest first.
 */
export async function listStoredBoundaries(): Promise<StoredBoundarySet[]> {
  const all = (await (await open()).getAll(STORE)) as StoredBoundarySet[];
  return all.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function saveBoundaries(set: StoredBoundarySet): Promise<void> {
  await (await open()).put(STORE, plainCopy(set));
}

export async function removeBoundaries(id: string): Promise<void> {
  await (await open()).delete(STORE, id);
}

/** Structured clone refuses Svelte proxies; the set is plain data, so a JSON round trip is exact. */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
