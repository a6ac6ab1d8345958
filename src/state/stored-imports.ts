/** The name of the atlas's IndexedDB (opened by db.ts). */
export const DB_NAME = 'kz-atlas';

/**
 * Whether this browser may keep imports of an earlier visit: false when IndexedDB lists its
 * databases and the atlas's is not among them (a first visit), so that the page then loads no
 * IndexedDB code at all; true where the list is not offered (Firefox before 126) or fails, so that
 * the stores are read and report what they find.
 */
export async function mayHaveStoredImports(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((database) => database.name === DB_NAME);
  } catch {
    return true;
  }
}

/**
 * The IndexedDB stores (stores.ts, loaded on demand) when this browser may keep imports of an
 * earlier visit (`mayHaveStoredImports`), else null: a first visit loads no IndexedDB code.
 */
export async function storesIfKept(): Promise<typeof import('./stores.ts') | null> {
  return (await mayHaveStoredImports()) ? import('./stores.ts') : null;
}
