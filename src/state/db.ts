import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME } from './stored-imports.ts';

/** The atlas's IndexedDB: imported boundaries and imported datasets, kept in this browser only. */
const VERSION = 3;
export const BOUNDARIES = 'boundaries';
export const DATASETS = 'datasets';
/** The records of large imported files, a chunk of events per entry (`<dataset id>:<chunk>`). */
export const EVENT_CHUNKS = 'event-chunks';

let db: Promise<IDBPDatabase> | null = null;

/** Opens (and on first use creates or upgrades) the database. Version 1 had only boundaries, 2 no event chunks. */
export function openAtlasDb(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(BOUNDARIES)) database.createObjectStore(BOUNDARIES, { keyPath: 'id' });
      if (!database.objectStoreNames.contains(DATASETS)) database.createObjectStore(DATASETS, { keyPath: 'id' });
      if (!database.objectStoreNames.contains(EVENT_CHUNKS))
        database.createObjectStore(EVENT_CHUNKS, { keyPath: 'id' });
    },
  });
  return db;
}

/** Structured clone refuses Svelte proxies; stored records are plain data, so a JSON round trip is exact. */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
